using System.CommandLine;
using Maci.Node.Config;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid comet-config</c>: writes what a CometBFT v0.38 node needs to run this chain with <c>macid start --abci</c>:
/// config/genesis.json (the chain genesis: app_state, validators, consensus params, genesis_time, chain_id),
/// config/priv_validator_key.json (the validator key) and config/config.toml.snippet (proxy_app / abci settings).
/// </summary>
public static class CometConfigCommand
{
    public static Command Create(CliIo io)
    {
        var home = CliOptions.Home();
        var outDir = new Option<string?>("--out") { Description = "CometBFT home to write into (default HOME/comet)" };
        var abci = new Option<string>("--abci") { Description = "Where macid serves ABCI", DefaultValueFactory = _ => "tcp://127.0.0.1:26658" };
        var command = new Command("comet-config", "Write CometBFT genesis.json, priv_validator_key.json and a config.toml snippet") { home, outDir, abci };
        command.SetAction(parse =>
        {
            var nodeHome = new NodeHome(Path.GetFullPath(parse.GetValue(home)!));
            nodeHome.RequireInitialized();
            GenesisFile.Load(nodeHome.GenesisFile); // validate before handing it to CometBFT
            var cometHome = Path.GetFullPath(parse.GetValue(outDir) ?? Path.Combine(nodeHome.Root, "comet"));
            var config = Path.Combine(cometHome, "config");
            Directory.CreateDirectory(config);
            Directory.CreateDirectory(Path.Combine(cometHome, "data"));
            File.Copy(nodeHome.GenesisFile, Path.Combine(config, "genesis.json"), overwrite: true);
            File.Copy(nodeHome.ValidatorKeyFile, Path.Combine(config, "priv_validator_key.json"), overwrite: true);
            var state = Path.Combine(cometHome, "data", "priv_validator_state.json");
            if (!File.Exists(state)) File.WriteAllText(state, "{\n  \"height\": \"0\",\n  \"round\": 0,\n  \"step\": 0\n}\n");
            File.WriteAllText(Path.Combine(config, "config.toml.snippet"), Snippet(parse.GetValue(abci)!));
            io.Line($"Wrote {config}/genesis.json, priv_validator_key.json and config.toml.snippet");
            io.Line($"Run: macid start --home {nodeHome.Root} --abci {parse.GetValue(abci)}  and  cometbft start --home {cometHome}");
            return 0;
        });
        return command;
    }

    public static string Snippet(string abciAddress) => $"""
        # Merge into CometBFT's config.toml (cometbft init writes the rest).
        proxy_app = "{abciAddress}"
        abci = "socket"

        [consensus]
        timeout_commit = "1s"
        create_empty_blocks = true

        [tx_index]
        indexer = "kv"

        [rpc]
        laddr = "tcp://127.0.0.1:26657"

        """;
}
