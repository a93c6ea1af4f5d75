using System.CommandLine;
using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos.Keyring;
using Maci.Node.Config;

namespace Maci.Node.Cli;

/// <summary><c>macid keys add|import|list|show|delete</c> over the encrypted file keyring in the home directory.</summary>
public static class KeysCommands
{
    public const string AddressPrefix = "maci";

    public static Command Create(CliIo io)
    {
        var keys = new Command("keys", "Manage the local keyring (HOME/keyring.json, encrypted with a passphrase)");
        keys.Subcommands.Add(Add(io));
        keys.Subcommands.Add(Import(io));
        keys.Subcommands.Add(List(io));
        keys.Subcommands.Add(Show(io));
        keys.Subcommands.Add(Delete(io));
        keys.Subcommands.Add(MaciKeysCommands.Create(io));
        return keys;
    }

    public static FileKeyring Open(string home) => new(new NodeHome(Path.GetFullPath(home)).KeyringFile, AddressPrefix);

    private static Command Add(CliIo io)
    {
        var (home, output, pass) = (CliOptions.Home(), CliOptions.Output(), CliOptions.KeyringPassphrase());
        var name = new Argument<string>("name") { Description = "Key name" };
        var command = new Command("add", "Create a new key (prints its mnemonic once)") { name, home, output, pass };
        command.SetAction(parse => Guard(() =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var ring = Open(parse.GetValue(home)!);
            var created = ring.Add(parse.GetValue(name)!, Passphrase.Resolve(parse.GetValue(pass), io));
            if (json)
            {
                var o = Describe(created.Key);
                o["mnemonic"] = created.Mnemonic;
                io.Json(o);
            }
            else
            {
                io.Line($"- name: {created.Key.Name}\n  address: {created.Key.Address}");
                io.Line("\nWrite this mnemonic down; it is the only way to recover the key:\n\n" + created.Mnemonic);
            }
        }));
        return command;
    }

    private static Command Import(CliIo io)
    {
        var (home, output, pass) = (CliOptions.Home(), CliOptions.Output(), CliOptions.KeyringPassphrase());
        var name = new Argument<string>("name") { Description = "Key name" };
        var mnemonic = new Option<string?>("--mnemonic") { Description = "BIP-39 mnemonic (else read from stdin)" };
        var command = new Command("import", "Import a key from a BIP-39 mnemonic (HD path m/44'/118'/0'/0/0)") { name, mnemonic, home, output, pass };
        command.SetAction(parse => Guard(() =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var words = parse.GetValue(mnemonic) ?? Console.In.ReadLine() ?? throw new CliException("no mnemonic given (use --mnemonic or stdin)");
            var ring = Open(parse.GetValue(home)!);
            var info = ring.Import(parse.GetValue(name)!, words.Trim(), Passphrase.Resolve(parse.GetValue(pass), io));
            Print(io, json, info);
        }));
        return command;
    }

    private static Command List(CliIo io)
    {
        var (home, output) = (CliOptions.Home(), CliOptions.Output());
        var command = new Command("list", "List the keys") { home, output };
        command.SetAction(parse => Guard(() =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var keys = Open(parse.GetValue(home)!).List();
            if (json) io.Json(new JsonArray(keys.Select(k => (JsonNode)Describe(k)).ToArray()));
            else if (keys.Count == 0) io.Line("No keys.");
            else foreach (var k in keys) io.Line($"{k.Name}\t{k.Address}");
        }));
        return command;
    }

    private static Command Show(CliIo io)
    {
        var (home, output) = (CliOptions.Home(), CliOptions.Output());
        var name = new Argument<string>("name") { Description = "Key name or address" };
        var address = new Option<bool>("--address", "-a") { Description = "Print only the address" };
        var command = new Command("show", "Show a key") { name, home, output, address };
        command.SetAction(parse => Guard(() =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var info = Open(parse.GetValue(home)!).Show(parse.GetValue(name)!);
            if (parse.GetValue(address) && !json) io.Line(info.Address);
            else Print(io, json, info);
        }));
        return command;
    }

    private static Command Delete(CliIo io)
    {
        var home = CliOptions.Home();
        var name = new Argument<string>("name") { Description = "Key name" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation" };
        var command = new Command("delete", "Delete a key") { name, home, yes };
        command.SetAction(parse => Guard(() =>
        {
            var keyName = parse.GetValue(name)!;
            if (!parse.GetValue(yes))
            {
                io.Err.Write($"Delete key '{keyName}'? [y/N] ");
                io.Err.Flush();
                if ((Console.In.ReadLine() ?? "").Trim().ToLowerInvariant() is not ("y" or "yes")) throw new CliException("aborted");
            }
            Open(parse.GetValue(home)!).Delete(keyName);
            io.Line($"Key '{keyName}' deleted.");
        }));
        return command;
    }

    private static void Print(CliIo io, bool json, KeyInfo info)
    {
        if (json) io.Json(Describe(info));
        else io.Line($"- name: {info.Name}\n  address: {info.Address}\n  pubkey: {Convert.ToBase64String(info.PublicKey)}");
    }

    private static JsonObject Describe(KeyInfo k) => new()
    {
        ["name"] = k.Name,
        ["type"] = k.Source.ToString().ToLowerInvariant(),
        ["address"] = k.Address,
        ["pubkey"] = new JsonObject { ["@type"] = "/cosmos.crypto.secp256k1.PubKey", ["key"] = Convert.ToBase64String(k.PublicKey) },
    };

    /// <summary>Keyring failures are user errors: one line, exit code 1.</summary>
    public static int Guard(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (KeyringException e)
        {
            throw new CliException(e.Message);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }
}
