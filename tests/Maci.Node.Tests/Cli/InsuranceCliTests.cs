using System.Numerics;
using System.Text.Json;
using Maci.Crypto.Amaci;
using Maci.Node.Tests.Host;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Tests.Cli;

/// <summary>macid tx operator / tx insurance / query operator / query insurance against a running node, and the gRPC routes.</summary>
public class InsuranceCliTests
{
    private const string Pass = "--keyring-passphrase=correct horse battery";

    /// <summary>The secp256k1 generator, compressed: a valid oracle key.</summary>
    private const string OracleKeyHex = "0279BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798";

    [Fact]
    public async Task Operator_register_deposit_query_withdraw_and_errors()
    {
        await using var node = await TestNode.StartAsync(grpc: true);
        var home = node.HomeDir;
        Assert.Equal(0, (await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass)).Code);
        var pub = MaciKeypair.FromPrivateKey(new BigInteger(111111)).PublicKey;
        var pubkey = $"{pub.X},{pub.Y}";
        string[] Tx(params string[] args) => [.. args, "--home", home, Pass, "--node", node.RpcUrl];

        var register = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "register", "alice", "--pubkey", pubkey, "--deposit", "2000000umaci",
            "--moniker", "op-one", "--loss-ratio", "1/10", "--min-premium", "100", "--max-premium", "1000000", "-o", "json"));
        Assert.True(register.Code == 0, register.Err);
        using (var doc = JsonDocument.Parse(register.Out))
            Assert.Equal(0, doc.RootElement.GetProperty("code").GetInt32());
        var deposit = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "deposit", "alice", "500000umaci"));
        Assert.True(deposit.Code == 0, deposit.Err);
        Assert.Contains("code: 0", deposit.Out);

        var byAddress = await QueryUntilAsync(text => text.Contains("2500000"), "query", "operator", TestNode.Address0, "--node", node.RpcUrl, "-o", "json");
        Assert.True(byAddress.Code == 0, byAddress.Err);
        using (var doc = JsonDocument.Parse(byAddress.Out))
        {
            var op = doc.RootElement.GetProperty("operator");
            Assert.Equal("2500000", op.GetProperty("deposit").GetString());
            Assert.Equal("2500000", doc.RootElement.GetProperty("available").GetString());
            Assert.Equal("op-one", op.GetProperty("moniker").GetString());
            Assert.Equal("OPERATOR_STATUS_ACTIVE", op.GetProperty("status").GetString());
            Assert.Equal(pub.X.ToString(), op.GetProperty("pub_key").GetProperty("x").GetString());
        }
        var byKey = await CliRunner.RunAsync("query", "operator", "--pubkey", pubkey, "--node", node.RpcUrl);
        Assert.True(byKey.Code == 0, byKey.Err);
        Assert.Contains($"operator.address: {TestNode.Address0}", byKey.Out);
        Assert.Contains("available: 2500000", byKey.Out);
        var list = await CliRunner.RunAsync("query", "operator", "list", "--sort", "deposit", "--node", node.RpcUrl, "-o", "json");
        using (var doc = JsonDocument.Parse(list.Out))
            Assert.Equal(TestNode.Address0, doc.RootElement.GetProperty("operators")[0].GetProperty("address").GetString());
        var parameters = await CliRunner.RunAsync("query", "insurance", "params", "--node", node.RpcUrl);
        Assert.Contains("params.denom: umaci", parameters.Out);

        var withdraw = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "withdraw", "alice", "100000umaci", "-o", "json"));
        Assert.True(withdraw.Code == 0, withdraw.Err);
        var unbondings = await QueryUntilAsync(text => text.Contains("100000"), "query", "insurance", "unbondings", TestNode.Address0, "--node", node.RpcUrl, "-o", "json");
        Assert.True(unbondings.Code == 0, unbondings.Err);
        using (var doc = JsonDocument.Parse(unbondings.Out))
            Assert.Equal("100000", doc.RootElement.GetProperty("unbondings")[0].GetProperty("amount").GetString());

        // gRPC: the same operator through maci.insurance.v1.Query over HTTP/2.
        var grpc = await node.GrpcUnaryAsync("maci.insurance.v1.Query/OperatorByPubKey",
            new QueryOperatorByPubKeyRequest { PubKey = new PubKey { X = pub.X.ToString(), Y = pub.Y.ToString() } });
        Assert.Equal("0", grpc.Status);
        var viaGrpc = QueryOperatorByPubKeyResponse.Parser.ParseFrom(grpc.Message);
        Assert.Equal(TestNode.Address0, viaGrpc.Operator.Address);
        Assert.Equal("2400000", viaGrpc.Available);
        var grpcMissing = await node.GrpcUnaryAsync("maci.insurance.v1.Query/Operator",
            new QueryOperatorRequest { Address = TestNode.Address1 });
        Assert.Equal("5", grpcMissing.Status); // NOT_FOUND

        // Errors: one line, non-zero exit.
        var tooMuch = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "withdraw", "alice", "999999999umaci"));
        Assert.Equal(1, tooMuch.Code);
        Assert.Contains("code 8", tooMuch.Err);
        Assert.Contains("exceeds the available deposit", tooMuch.Err);
        Assert.Single(tooMuch.Err.Trim().Split('\n'));
        var tooMuchGasGiven = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "withdraw", "alice", "999999999umaci", "--gas", "300000"));
        Assert.Equal(1, tooMuchGasGiven.Code);
        Assert.Contains("failed with code 8 (insurance)", tooMuchGasGiven.Err);
        Assert.Single(tooMuchGasGiven.Err.Trim().Split('\n'));

        var malformed = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "register", "alice", "--pubkey", "12345", "--deposit", "2000000umaci",
            "--loss-ratio", "1/10", "--max-premium", "10"));
        Assert.Equal(1, malformed.Code);
        Assert.Equal("Error: invalid --pubkey '12345': expected X,Y (two decimal coordinates)", malformed.Err.Trim());
        var offCurve = await CliRunner.RunAsync("query", "operator", "--pubkey", "1,2", "--node", node.RpcUrl);
        Assert.Equal(1, offCurve.Code);
        Assert.Contains("invalid --pubkey", offCurve.Err);
        Assert.Contains("not on the Baby Jubjub curve", offCurve.Err);
        var missing = await CliRunner.RunAsync("query", "operator", TestNode.Address1, "--node", node.RpcUrl);
        Assert.Equal(1, missing.Code);
        Assert.Contains($"desc = operator {TestNode.Address1}", missing.Err);
        Assert.Single(missing.Err.Trim().Split('\n'));
        var badSort = await CliRunner.RunAsync("query", "operator", "list", "--sort", "age", "--node", node.RpcUrl);
        Assert.Contains("invalid --sort", badSort.Err);
        var badRound = await CliRunner.RunAsync("query", "insurance", "policy", "abc", "--node", node.RpcUrl);
        Assert.Equal(1, badRound.Code);
        Assert.Contains("invalid round id", badRound.Err);
        var noPolicy = await CliRunner.RunAsync("query", "insurance", "policy", "7", "--node", node.RpcUrl);
        Assert.Equal(1, noPolicy.Code);
        Assert.Contains("no policy for round 7", noPolicy.Err);
        var buyUnknownRound = await RunTxAsync(node.RpcUrl, Tx("tx", "insurance", "buy", "alice", "42", TestNode.Address0, "1000umaci"));
        Assert.Equal(1, buyUnknownRound.Code);
        Assert.Contains("round not found", buyUnknownRound.Err);

        var deregister = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "deregister", "alice"));
        Assert.True(deregister.Code == 0, deregister.Err);
        var after = await QueryUntilAsync(text => text.Contains("DEREGISTERED"), "query", "operator", TestNode.Address0, "--node", node.RpcUrl);
        Assert.Contains("operator.status: OPERATOR_STATUS_DEREGISTERED", after.Out);
    }

    [Fact]
    public async Task Operator_update_changes_metadata_terms_and_key_but_refuses_rotation_while_a_round_is_open()
    {
        await using var node = await TestNode.StartAsync();
        var home = node.HomeDir;
        Assert.Equal(0, (await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass)).Code);
        string[] Tx(params string[] args) => [.. args, "--home", home, Pass, "--node", node.RpcUrl];
        var first = MaciKeypair.FromPrivateKey(new BigInteger(111111)).PublicKey;
        var second = MaciKeypair.FromPrivateKey(new BigInteger(222222)).PublicKey;
        var register = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "register", "alice", "--pubkey", $"{first.X},{first.Y}", "--deposit", "2000000umaci",
            "--moniker", "op-one", "--loss-ratio", "1/10", "--max-premium", "1000000"));
        Assert.True(register.Code == 0, register.Err);

        var update = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "update", "alice", "--moniker", "op-renamed", "--website", "https://op.example",
            "--loss-ratio", "1/20", "--min-premium", "10", "--max-premium", "500000", "--pubkey", $"{second.X},{second.Y}"));
        Assert.True(update.Code == 0, update.Err);
        var updated = await QueryUntilAsync(text => text.Contains("op-renamed"), "query", "operator", TestNode.Address0, "--node", node.RpcUrl, "-o", "json");
        using (var doc = JsonDocument.Parse(updated.Out))
        {
            var op = doc.RootElement.GetProperty("operator");
            Assert.Equal("https://op.example", op.GetProperty("website").GetString());
            Assert.Equal("20", op.GetProperty("terms").GetProperty("loss_ratio_denominator").GetString());
            Assert.Equal("10", op.GetProperty("terms").GetProperty("min_premium").GetString());
            Assert.Equal("500000", op.GetProperty("terms").GetProperty("max_premium").GetString());
            Assert.Equal(second.X.ToString(), op.GetProperty("pub_key").GetProperty("x").GetString());
        }
        var oldKey = await CliRunner.RunAsync("query", "operator", "--pubkey", $"{first.X},{first.Y}", "--node", node.RpcUrl);
        Assert.Equal(1, oldKey.Code);

        // A round coordinated with the new key is open: the key may not change, other fields still may.
        var start = DateTimeOffset.UtcNow.AddSeconds(300).ToUnixTimeSeconds();
        var created = await RunTxAsync(node.RpcUrl, Tx("tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "Open",
            "--option", "a", "--option", "b", "--voting-start", start.ToString(), "--voting-end", (start + 700).ToString(), "--circuit", "2-1-1-5",
            "--dynamic-credits", "--oracle-pubkey", OracleKeyHex));
        Assert.True(created.Code == 0, created.Err);
        var round = await QueryUntilAsync(text => text.Contains("round.id: 1"), "query", "round", "get", "1", "--node", node.RpcUrl);
        Assert.Contains($"round.coordinator.x: {second.X}", round.Out);
        Assert.Contains($"round.registration_mode.oracle.oracle_pubkey: {Convert.ToBase64String(Convert.FromHexString(OracleKeyHex))}", round.Out);
        Assert.Contains("round.voice_credit_mode.dynamic: true", round.Out);
        var rotate = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "update", "alice", "--pubkey", $"{first.X},{first.Y}"));
        Assert.Equal(1, rotate.Code);
        Assert.Contains("code 22", rotate.Err);
        Assert.Contains("coordinates an open round; key rotation refused", rotate.Err);
        Assert.Single(rotate.Err.Trim().Split('\n'));
        var rename = await RunTxAsync(node.RpcUrl, Tx("tx", "operator", "update", "alice", "--moniker", "op-final", "--pubkey", $"{second.X},{second.Y}"));
        Assert.True(rename.Code == 0, rename.Err);
        Assert.Contains("operator.moniker: op-final",
            (await QueryUntilAsync(text => text.Contains("op-final"), "query", "operator", TestNode.Address0, "--node", node.RpcUrl)).Out);
    }

    [Theory]
    [InlineData("invalid --loss-ratio 'half': expected n/d", "tx", "operator", "update", "alice", "--loss-ratio", "half", "--max-premium", "1")]
    [InlineData("invalid --pubkey: point is not on the Baby Jubjub curve", "tx", "operator", "register", "alice", "--pubkey", "1,2", "--deposit", "1umaci", "--loss-ratio", "1/2", "--max-premium", "1")]
    [InlineData("invalid --pubkey: x '1x' is not an integer", "tx", "operator", "update", "alice", "--pubkey", "1x,2")]
    [InlineData("insurance terms need --loss-ratio n/d and --max-premium", "tx", "operator", "update", "alice", "--min-premium", "5")]
    [InlineData("invalid coin 'lots'", "tx", "operator", "deposit", "alice", "lots")]
    [InlineData("expected one coin", "tx", "operator", "withdraw", "alice", "1umaci,2uatom")]
    [InlineData("invalid operator address 'maci1nope'", "tx", "insurance", "buy", "alice", "3", "maci1nope", "5umaci")]
    [InlineData("invalid round id '0'", "tx", "insurance", "buy", "alice", "0", TestNode.Address0, "5umaci")]
    [InlineData("give either an operator address or --pubkey X,Y", "query", "operator")]
    [InlineData("invalid round id '-1'", "query", "insurance", "policy", "-1")]
    public async Task Bad_input_fails_with_one_clear_line_before_any_node_call(string expected, params string[] args)
    {
        // The node address is unreachable: every one of these must fail on its input first.
        var (code, _, err) = await CliRunner.RunAsync([.. args, "--node", "http://127.0.0.1:1"]);
        Assert.Equal(1, code);
        Assert.StartsWith("Error: ", err);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    /// <summary>
    /// A query retried for up to 2 s until its output matches: tx_search can report a tx before the block's state is
    /// committed and queryable, so a query right after `tx` returns may still see the previous state.
    /// </summary>
    internal static async Task<(int Code, string Out, string Err)> QueryUntilAsync(Func<string, bool> done, params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        for (var i = 0; i < 20 && !(result.Code == 0 && done(result.Out)); i++)
        {
            await Task.Delay(100);
            result = await CliRunner.RunAsync(args);
        }
        return result;
    }

    /// <summary>
    /// Runs a tx command and, when the tx was included, waits until queries see that height: tx_search can report a
    /// tx before its block is committed, and the next tx of the same signer would then be simulated with a stale sequence.
    /// </summary>
    internal static async Task<(int Code, string Out, string Err)> RunTxAsync(string rpcUrl, params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        var m = System.Text.RegularExpressions.Regex.Match(result.Out, "\"?height\"?: \"?(\\d+)");
        if (!m.Success) return result;
        var height = long.Parse(m.Groups[1].Value);
        for (var i = 0; i < 50; i++)
        {
            var q = await CliRunner.RunAsync("query", "bank", "balances", TestNode.Address0, "--node", rpcUrl, "-o", "json");
            using (var doc = JsonDocument.Parse(q.Out))
                if (long.Parse(doc.RootElement.GetProperty("height").GetString()!) >= height) break;
            await Task.Delay(100);
        }
        return result;
    }
}
