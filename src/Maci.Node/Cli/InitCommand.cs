using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Maci.Node.Chain;
using Maci.Node.Config;

namespace Maci.Node.Cli;

/// <summary><c>macid init --home DIR --chain-id ID [--moniker NAME]</c>: config, devnet genesis and a validator key.</summary>
public static class InitCommand
{
    public const long DefaultPower = 10;

    public static Command Create(CliIo io)
    {
        var home = CliOptions.Home();
        var chainId = new Option<string>("--chain-id") { Description = "Chain id of the new chain", Required = true };
        var moniker = new Option<string>("--moniker") { Description = "Node name", DefaultValueFactory = _ => "maci-node" };
        var output = CliOptions.Output();
        var command = new Command("init", "Initialise a node home: config.json, the devnet genesis (with this node as its validator) and a validator key")
        {
            home, chainId, moniker, output,
        };
        command.SetAction(parse =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var result = Run(parse.GetValue(home)!, parse.GetValue(chainId)!, parse.GetValue(moniker)!,
                ChainTime.FromDateTimeOffset(DateTimeOffset.UtcNow));
            if (json) io.Json(result);
            else io.Line($"Initialised {result["home"]} for chain {result["chain_id"]}; validator {result["validator_address"]}");
            return 0;
        });
        return command;
    }

    public static JsonObject Run(string root, string chainId, string moniker, ChainTime genesisTime)
    {
        if (!IsValidChainId(chainId))
            throw new CliException($"invalid chain id '{chainId}': 1–50 characters of letters, digits, '-', '_' or '.'");
        var home = new NodeHome(Path.GetFullPath(root));
        if (File.Exists(home.GenesisFile) || File.Exists(home.ValidatorKeyFile))
            throw new CliException($"{home.Root} is already initialised (config/genesis.json or validator_key.json exists)");
        Directory.CreateDirectory(home.ConfigDir);
        Directory.CreateDirectory(home.DataDir);
        var seed = RandomNumberGenerator.GetBytes(ValidatorKey.SeedSize);
        var key = new ValidatorKey(seed);
        ValidatorKeyFile.Save(home.ValidatorKeyFile, key, seed);
        GenesisFile.Save(home.GenesisFile, GenesisFile.CreateDevnet(chainId, genesisTime, key, DefaultPower, moniker));
        new NodeConfig { Moniker = moniker }.Save(home.ConfigFile);
        return new JsonObject
        {
            ["home"] = home.Root,
            ["chain_id"] = chainId,
            ["moniker"] = moniker,
            ["validator_address"] = Convert.ToHexString(key.Address),
            ["genesis"] = home.GenesisFile,
        };
    }

    private static bool IsValidChainId(string id) =>
        id.Length is > 0 and <= 50 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
