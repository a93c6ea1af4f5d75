using System.Text.Json;
using Maci.TestSupport;

namespace Maci.Node.Tests.Host;

/// <summary>Unmodified CosmJS 0.39 (StargateClient, SigningStargateClient) against a running node with the real app.</summary>
public class CosmJsNodeTests
{
    [Fact]
    public async Task CosmJs_queries_sends_with_fee_auto_finds_the_tx_and_sees_failures()
    {
        await using var node = await TestNode.StartAsync();
        var output = await NodeJs.RunCheckedAsync("node/cosmjs-node.mjs", [node.RpcUrl], timeout: TimeSpan.FromMinutes(2));
        using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        Assert.Equal(TestNode.ChainId, r.GetProperty("chainId").GetString());
        Assert.True(r.GetProperty("height").GetInt32() >= 1);
        Assert.Equal(0, r.GetProperty("accountNumber").GetInt32());
        Assert.Equal(0, r.GetProperty("sequenceBefore").GetInt32());
        Assert.True(r.GetProperty("missingAccountIsNull").GetBoolean());
        Assert.Equal("[{\"denom\":\"umaci\",\"amount\":\"1000000000000\"}]", r.GetProperty("balancesBefore").GetRawText());
        Assert.Equal(0, r.GetProperty("sendCode").GetInt32());
        var used = r.GetProperty("sendGasUsed").GetInt32();
        var wanted = r.GetProperty("sendGasWanted").GetInt32();
        Assert.True(used > 0 && wanted >= used && wanted <= used * 2, $"gas used {used}, wanted {wanted}");
        Assert.Equal("[\"/cosmos.bank.v1beta1.MsgSendResponse\"]", r.GetProperty("sendMsgResponses").GetRawText());
        Assert.True(r.GetProperty("transferEvent").GetBoolean());
        Assert.Equal(r.GetProperty("sendHeight").GetInt32(), r.GetProperty("getTxHeight").GetInt32());
        Assert.True(r.GetProperty("getTxHashMatches").GetBoolean());
        Assert.Equal("[{\"denom\":\"umaci\",\"amount\":\"1000000004242\"}]", r.GetProperty("balancesAfterSecondClient").GetRawText());
        Assert.Equal("1000000004242", r.GetProperty("balanceAfterFirstClient").GetProperty("amount").GetString());
        Assert.Equal(1, r.GetProperty("sequenceAfter").GetInt32());
        Assert.Equal(5, r.GetProperty("badCode").GetInt32());
        Assert.Contains("insufficient funds", r.GetProperty("badLog").GetString());
        Assert.True(r.GetProperty("lowFeeThrew").GetBoolean());
        Assert.Equal(13, r.GetProperty("lowFeeCode").GetInt32());
        Assert.Contains("insufficient fee", r.GetProperty("lowFeeLog").GetString());
        Assert.Null(node.Host.App.CheckInvariants());
    }
}
