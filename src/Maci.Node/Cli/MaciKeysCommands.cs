using System.CommandLine;
using Maci.Crypto.Amaci;

namespace Maci.Node.Cli;

/// <summary><c>macid keys maci generate [--out FILE] [--private-key N] | show (--maci-key FILE | --maci-private-key N)</c>.</summary>
public static class MaciKeysCommands
{
    public static Command Create(CliIo io)
    {
        var maci = new Command("maci", "MACI voter keys (Baby Jubjub): generate or show; kept in a file, not in the keyring");
        maci.Subcommands.Add(Generate(io));
        maci.Subcommands.Add(Show(io));
        return maci;
    }

    private static Command Generate(CliIo io)
    {
        var output = CliOptions.Output();
        var file = new Option<string?>("--out") { Description = "Write the key to this file (owner-only permissions)" };
        var priv = new Option<string?>("--private-key") { Description = "Use this private key (decimal or 0x-hex) instead of a random one" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing --out file" };
        var command = new Command("generate", "Create a MACI keypair (random, or from --private-key)") { file, priv, force, output };
        command.SetAction(parse =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var key = parse.GetValue(priv) is { } p ? MaciKeyFile.FromText(p, "--private-key") : MaciKeyFile.Generate();
            var path = parse.GetValue(file);
            if (path is not null) MaciKeyFile.Write(path, key, parse.GetValue(force));
            // Without a file the private key must be printed, or the key would be lost.
            Print(io, json, key, includePrivate: path is null);
            if (path is not null && !json) io.Line($"saved: {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }

    private static Command Show(CliIo io)
    {
        var output = CliOptions.Output();
        var key = new MaciKeyOptions();
        var reveal = new Option<bool>("--reveal") { Description = "Also print the private key" };
        var command = new Command("show", "Show a MACI key's public key (x, y and packed)") { reveal, output };
        key.AddTo(command);
        command.SetAction(parse =>
        {
            Print(io, CliOptions.IsJson(parse.GetValue(output)!), key.Resolve(parse), parse.GetValue(reveal));
            return 0;
        });
        return command;
    }

    private static void Print(CliIo io, bool json, MaciKeypair key, bool includePrivate)
    {
        var o = MaciKeyFile.Describe(key, includePrivate);
        if (json)
        {
            io.Json(o);
            return;
        }
        if (includePrivate) io.Line($"private_key: {o["private_key"]}");
        io.Line($"pubkey: {key.PublicKey.X},{key.PublicKey.Y}\npacked: {o["packed_pub_key"]}\npacked_hex: {o["packed_pub_key_hex"]}");
    }
}
