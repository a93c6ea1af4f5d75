using System.Text.Json;
using Maci.Node.Tests.Host;

namespace Maci.Node.Tests.Cli;

public class CliTests
{
    private const string Pass = "--keyring-passphrase=correct horse battery";

    [Fact]
    public async Task Init_writes_config_genesis_and_key_and_refuses_a_second_init()
    {
        var home = Path.Combine(Path.GetTempPath(), "macid-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, output, _) = await CliRunner.RunAsync("init", "--home", home, "--chain-id", "cli-chain-7", "--moniker", "m1", "-o", "json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal("cli-chain-7", doc.RootElement.GetProperty("chain_id").GetString());
            using var genesis = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(home, "config", "genesis.json")));
            Assert.Equal("cli-chain-7", genesis.RootElement.GetProperty("chain_id").GetString());
            var validator = genesis.RootElement.GetProperty("validators")[0];
            Assert.Equal(doc.RootElement.GetProperty("validator_address").GetString(), validator.GetProperty("address").GetString());
            Assert.Equal(4, genesis.RootElement.GetProperty("app_state").GetProperty("auth").GetProperty("accounts").GetArrayLength());
            Assert.True(File.Exists(Path.Combine(home, "config", "config.json")));

            var again = await CliRunner.RunAsync("init", "--home", home, "--chain-id", "cli-chain-7");
            Assert.Equal(1, again.Code);
            Assert.StartsWith("Error: ", again.Err);
            Assert.Contains("already initialised", again.Err);
            Assert.Single(again.Err.Trim().Split('\n'));

            var bad = await CliRunner.RunAsync("init", "--home", home + "-x", "--chain-id", "bad chain id!");
            Assert.Equal(1, bad.Code);
            Assert.Contains("invalid chain id", bad.Err);
        }
        finally
        {
            TestNode.DeleteHome(home);
        }
    }

    [Fact]
    public async Task Keys_import_list_show_delete_and_errors()
    {
        var home = Path.Combine(Path.GetTempPath(), "macid-keys-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        try
        {
            var imported = await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass);
            Assert.Equal(0, imported.Code);
            Assert.Contains(TestNode.Address0, imported.Out);
            var list = await CliRunner.RunAsync("keys", "list", "--home", home, "-o", "json");
            Assert.Equal(0, list.Code);
            using (var doc = JsonDocument.Parse(list.Out))
                Assert.Equal(TestNode.Address0, doc.RootElement[0].GetProperty("address").GetString());
            var show = await CliRunner.RunAsync("keys", "show", "alice", "-a", "--home", home);
            Assert.Equal(TestNode.Address0, show.Out.Trim());

            var duplicate = await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic1, "--home", home, Pass);
            Assert.Equal(1, duplicate.Code);
            Assert.StartsWith("Error: ", duplicate.Err);

            var badMnemonic = await CliRunner.RunAsync("keys", "import", "bob", "--mnemonic", "not a real mnemonic", "--home", home, Pass);
            Assert.Equal(1, badMnemonic.Code);
            Assert.Single(badMnemonic.Err.Trim().Split('\n'));

            var deleted = await CliRunner.RunAsync("keys", "delete", "alice", "-y", "--home", home);
            Assert.Equal(0, deleted.Code);
            var missing = await CliRunner.RunAsync("keys", "show", "alice", "--home", home);
            Assert.Equal(1, missing.Code);
            Assert.StartsWith("Error: ", missing.Err);
        }
        finally
        {
            TestNode.DeleteHome(home);
        }
    }

    [Fact]
    public async Task Tx_send_and_queries_against_a_running_node()
    {
        await using var node = await TestNode.StartAsync();
        var home = node.HomeDir;
        Assert.Equal(0, (await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass)).Code);

        var send = await CliRunner.RunAsync("tx", "bank", "send", "alice", TestNode.Address1, "1234umaci", "--home", home, Pass,
            "--node", node.RpcUrl, "-o", "json");
        Assert.True(send.Code == 0, send.Err);
        using var sent = JsonDocument.Parse(send.Out);
        Assert.Equal(0, sent.RootElement.GetProperty("code").GetInt32());
        var hash = sent.RootElement.GetProperty("txhash").GetString()!;

        var balances = await CliRunner.RunAsync("query", "bank", "balances", TestNode.Address1, "--node", node.RpcUrl);
        Assert.Equal("1000000001234umaci", balances.Out.Trim());
        var account = await CliRunner.RunAsync("query", "auth", "account", TestNode.Address0, "--node", node.RpcUrl, "-o", "json");
        using (var doc = JsonDocument.Parse(account.Out))
            Assert.Equal("1", doc.RootElement.GetProperty("sequence").GetString());
        var tx = await CliRunner.RunAsync("query", "tx", hash, "--node", node.RpcUrl);
        Assert.Contains($"txhash: {hash}", tx.Out);
        Assert.Contains("code: 0", tx.Out);
        var block = await CliRunner.RunAsync("query", "block", "1", "--node", node.RpcUrl, "-o", "json");
        using (var doc = JsonDocument.Parse(block.Out))
            Assert.Equal("1", doc.RootElement.GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        var status = await CliRunner.RunAsync("status", "--node", node.RpcUrl);
        Assert.Contains($"chain_id: {TestNode.ChainId}", status.Out);

        // Errors: one line on stderr, non-zero exit.
        var broke = await CliRunner.RunAsync("tx", "bank", "send", "alice", TestNode.Address1, "999999999999999umaci", "--gas", "200000",
            "--home", home, Pass, "--node", node.RpcUrl);
        Assert.Equal(1, broke.Code);
        Assert.Contains("code 5", broke.Err);
        Assert.Contains("insufficient funds", broke.Err);
        Assert.Single(broke.Err.Trim().Split('\n'));
        var badTo = await CliRunner.RunAsync("tx", "bank", "send", "alice", "cosmos1xyz", "1umaci", "--home", home, Pass, "--node", node.RpcUrl);
        Assert.Equal(1, badTo.Code);
        Assert.Contains("invalid recipient address", badTo.Err);
        var badAmount = await CliRunner.RunAsync("tx", "bank", "send", "alice", TestNode.Address1, "lots", "--home", home, Pass, "--node", node.RpcUrl);
        Assert.Contains("invalid coin", badAmount.Err);
        var notFound = await CliRunner.RunAsync("query", "tx", new string('A', 64), "--node", node.RpcUrl);
        Assert.Equal(1, notFound.Code);
        Assert.Contains("not found", notFound.Err);
        var future = await CliRunner.RunAsync("query", "block", "999999", "--node", node.RpcUrl);
        Assert.Equal(1, future.Code);
        Assert.StartsWith("Error: block:", future.Err);
    }

    [Fact]
    public async Task Unreachable_node_bad_output_and_unknown_command_fail_with_one_line()
    {
        var down = await CliRunner.RunAsync("status", "--node", "http://127.0.0.1:1");
        Assert.Equal(1, down.Code);
        Assert.StartsWith("Error: cannot reach the node", down.Err);
        Assert.Single(down.Err.Trim().Split('\n'));
        var output = await CliRunner.RunAsync("status", "--node", "http://127.0.0.1:1", "-o", "yaml");
        Assert.Equal(1, output.Code);
        Assert.Contains("unknown --output", output.Err);
        var unknown = await CliRunner.RunAsync("frobnicate");
        Assert.NotEqual(0, unknown.Code);
        var startNoHome = await CliRunner.RunAsync("start", "--home", Path.Combine(Path.GetTempPath(), "macid-none-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(1, startNoHome.Code);
        Assert.Contains("not initialised", startNoHome.Err);
    }

    [Fact]
    public async Task Comet_config_writes_genesis_key_and_abci_snippet()
    {
        var home = TestNode.NewHome();
        try
        {
            var (code, _, err) = await CliRunner.RunAsync("comet-config", "--home", home, "--abci", "unix:///tmp/macid.sock");
            Assert.True(code == 0, err);
            var config = Path.Combine(home, "comet", "config");
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(home, "config", "genesis.json")),
                await File.ReadAllTextAsync(Path.Combine(config, "genesis.json")));
            Assert.Contains("proxy_app = \"unix:///tmp/macid.sock\"", await File.ReadAllTextAsync(Path.Combine(config, "config.toml.snippet")));
            using var key = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(config, "priv_validator_key.json")));
            Assert.Equal("tendermint/PrivKeyEd25519", key.RootElement.GetProperty("priv_key").GetProperty("type").GetString());
        }
        finally
        {
            TestNode.DeleteHome(home);
        }
    }
}
