using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Maci.Abci.App;
using Maci.Node.Config;
using Maci.Node.Rpc;
using Maci.Storage;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid export --home DIR [--output FILE]</c>: the node's last committed state as a CometBFT genesis document that a
/// new chain starts from (the home's genesis_time, chain_id, consensus_params and validators; initial_height = last
/// height + 1; app_hash ""; app_state from <see cref="MaciApp.ExportAppState"/>). The node must be stopped.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliIo io)
    {
        var home = CliOptions.Home();
        // The document is JSON by nature, so --output names the file (as the SDK's --output-document), not a format.
        var output = new Option<string?>("--output", "--output-document") { Description = "Write the genesis document to FILE (default: stdout)" };
        var command = new Command("export", "Export the last committed state as a genesis document for a new chain (stop the node first)") { home, output };
        command.SetAction(parse =>
        {
            var doc = Run(parse.GetValue(home)!, out var height);
            if (parse.GetValue(output) is { } file)
            {
                GenesisFile.Save(Path.GetFullPath(file), doc);
                io.Line($"Exported height {height} of chain {doc["chain_id"]} to {Path.GetFullPath(file)} (initial_height {height + 1})");
            }
            else io.Json(doc);
            return 0;
        });
        return command;
    }

    /// <summary>Opens the stopped node's application state and builds the genesis document of its last commit.</summary>
    public static JsonObject Run(string root, out long height)
    {
        var home = new NodeHome(Path.GetFullPath(root));
        home.RequireInitialized();
        var genesis = GenesisFile.Load(home.GenesisFile);
        var source = JsonNode.Parse(File.ReadAllText(home.GenesisFile))!.AsObject();
        if (!Directory.Exists(home.ApplicationDb))
            throw new CliException($"{home.ApplicationDb} does not exist: the node has no application state yet (start it once first)");

        AppStateExport exported;
        using (var store = OpenStore(home.ApplicationDb))
        using (var app = new MaciApp(new AppConfig { ChainId = genesis.ChainId }, store))
        {
            try
            {
                exported = app.ExportAppState();
            }
            catch (InvalidOperationException e)
            {
                throw new CliException($"cannot export {home.Root}: {e.Message}");
            }
        }
        height = exported.Height;
        var doc = new JsonObject
        {
            ["genesis_time"] = source["genesis_time"]?.DeepClone(),
            ["chain_id"] = genesis.ChainId,
            ["initial_height"] = (exported.Height + 1).ToString(CultureInfo.InvariantCulture),
            ["consensus_params"] = source["consensus_params"]?.DeepClone(),
            ["validators"] = Validators(home, genesis, source),
            ["app_hash"] = "",
            ["app_state"] = exported.AppState,
        };
        GenesisFile.Parse(doc.ToJsonString()); // the document must read back as a genesis
        return doc;
    }

    /// <summary>The genesis validators; a genesis without any ran this node's key alone (power as <c>macid start</c> gives it).</summary>
    private static JsonArray Validators(NodeHome home, GenesisInfo genesis, JsonObject source)
    {
        if (source["validators"] is JsonArray { Count: > 0 } listed) return listed.DeepClone().AsArray();
        var key = ValidatorKeyFile.Load(home.ValidatorKeyFile);
        var moniker = NodeConfig.Load(home.ConfigFile).Moniker;
        return GenesisFile.CreateDevnet(genesis.ChainId, genesis.GenesisTime, key, InitCommand.DefaultPower, moniker)["validators"]!.DeepClone().AsArray();
    }

    private static CommitStore OpenStore(string path)
    {
        try
        {
            return CommitStore.Open(path);
        }
        catch (RocksDbException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"the application database {path} is locked: is `macid start` running on this home? Stop the node before exporting ({e.Message})");
        }
        catch (RocksDbException e)
        {
            throw new CliException($"cannot open the application database {path}: {e.Message}");
        }
    }
}
