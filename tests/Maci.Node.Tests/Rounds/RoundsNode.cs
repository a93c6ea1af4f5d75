using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Node.Chain;
using Maci.Node.Cli;
using Maci.Node.Tests.Host;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport;
using InsurancePubKey = Maci.Proto.Maci.Insurance.V1.PubKey;
using InsuranceTerms = Maci.Proto.Maci.Insurance.V1.InsuranceTerms;
using MsgRegisterOperator = Maci.Proto.Maci.Insurance.V1.MsgRegisterOperator;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// An in-process macid with gRPC on and a stepped block clock, and the two ways clients reach it: CometBFT JSON-RPC
/// (broadcast_tx_commit / broadcast_tx_sync, abci_query) and gRPC over HTTP/2 (cosmos.tx.v1beta1.Service/BroadcastTx
/// and GetTx, the modules' Query services). Every tx is signed SIGN_MODE_DIRECT with the account's current sequence.
/// </summary>
internal sealed class RoundsNode : IAsyncDisposable
{
    public const ulong GasLimit = 2_000_000;
    public const string Denom = "umaci";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private RoundsNode(TestNode node, SteppedClock clock)
    {
        Node = node;
        Clock = clock;
        Rpc = new NodeRpcClient(node.RpcUrl);
        Grpc = new GrpcUnaryClient(node.Host.GrpcTarget!);
    }

    public TestNode Node { get; }
    public SteppedClock Clock { get; }
    public NodeRpcClient Rpc { get; }
    public GrpcUnaryClient Grpc { get; }

    public static async Task<RoundsNode> StartAsync()
    {
        var clock = new SteppedClock();
        var node = await TestNode.StartAsync(interval: TimeSpan.FromMilliseconds(150), grpc: true, clock: clock.Now);
        return new RoundsNode(node, clock);
    }

    private async Task<byte[]> SignAsync(ChainAccount from, IMessage[] msgs)
    {
        var account = await ChainQueries.AccountAsync(Rpc, from.Address, CancellationToken.None)
                      ?? throw new InvalidOperationException($"{from.Name} ({from.Address}) has no account on chain");
        var fee = TxCommands.FeeFor(GasLimit, "0.0025umaci");
        return TxBuilder.Sign(TxBuilder.Body(msgs, ""), from.Key, account.AccountNumber, account.Sequence, TestNode.ChainId, fee, GasLimit);
    }

    /// <summary>JSON-RPC broadcast_tx_commit: the node answers once the tx is in a committed block.</summary>
    public async Task<TxOutcome> CommitAsync(ChainAccount from, params IMessage[] msgs)
    {
        var r = await Rpc.CallAsync("broadcast_tx_commit", new JsonObject { ["tx"] = Convert.ToBase64String(await SignAsync(from, msgs)) });
        var check = r["check_tx"]!;
        if (((uint?)check["code"] ?? 0) != 0)
            throw new InvalidOperationException($"CheckTx refused {from.Name}'s tx: {(string?)check["log"]}");
        return TxOutcome.FromJson((string)r["hash"]!, long.Parse((string)r["height"]!), r["tx_result"]!);
    }

    /// <summary>JSON-RPC broadcast_tx_sync, then tx_search until the tx is in a committed block.</summary>
    public async Task<TxOutcome> SyncAsync(ChainAccount from, params IMessage[] msgs)
    {
        var r = await Rpc.CallAsync("broadcast_tx_sync", new JsonObject { ["tx"] = Convert.ToBase64String(await SignAsync(from, msgs)) });
        if (((uint?)r["code"] ?? 0) != 0) throw new InvalidOperationException($"CheckTx refused {from.Name}'s tx: {(string?)r["log"]}");
        var hash = (string)r["hash"]!;
        var found = await Node.WaitForTxAsync(hash, Deadline) ?? throw new TimeoutException($"tx {hash} was not included");
        var height = long.Parse((string)found["height"]!);
        await WaitCommittedAsync(height);
        return TxOutcome.FromJson(hash, height, found["tx_result"]!);
    }

    /// <summary>
    /// How an operator submits proofs over gRPC: cosmos.tx.v1beta1.Service/BroadcastTx (BROADCAST_MODE_SYNC: the CheckTx
    /// answer), then Service/GetTx until the tx is found in a block.
    /// </summary>
    public async Task<TxOutcome> GrpcSubmitAsync(ChainAccount from, params IMessage[] msgs)
    {
        var request = new BroadcastTxRequest { TxBytes = ByteString.CopyFrom(await SignAsync(from, msgs)), Mode = BroadcastMode.Sync };
        var check = (await Grpc.CallAsync("cosmos.tx.v1beta1.Service/BroadcastTx", request, BroadcastTxResponse.Parser)).TxResponse;
        if (check.Code != 0) throw new InvalidOperationException($"CheckTx refused {from.Name}'s tx: {check.RawLog}");
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                var tx = await Grpc.CallAsync("cosmos.tx.v1beta1.Service/GetTx", new GetTxRequest { Hash = check.Txhash }, GetTxResponse.Parser);
                await WaitCommittedAsync(tx.TxResponse.Height);
                return TxOutcome.FromGrpc(tx.TxResponse);
            }
            catch (GrpcCallException e) when (e.Status == 5 && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Waits until the application has committed <paramref name="height"/> (queries then see its state).</summary>
    public async Task WaitCommittedAsync(long height)
    {
        var until = DateTime.UtcNow + Deadline;
        while (long.TryParse((string?)(await Rpc.CallAsync("abci_info"))["response"]?["last_block_height"], out var h) ? h < height : true)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"height {height} was not committed in time");
            await Task.Delay(50);
        }
    }

    /// <summary>The latest block's time in whole seconds (what the module calls "now").</summary>
    public async Task<(long Height, long Seconds)> LatestBlockAsync()
    {
        var sync = (await Rpc.CallAsync("status"))["sync_info"]!;
        return (long.Parse((string)sync["latest_block_height"]!), ChainTime.ParseRfc3339((string)sync["latest_block_time"]!).Seconds);
    }

    /// <summary>Waits for a committed block whose time is at least <paramref name="seconds"/>.</summary>
    public async Task WaitForBlockTimeAsync(long seconds)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var (height, time) = await LatestBlockAsync();
            if (time >= seconds)
            {
                await WaitCommittedAsync(height);
                return;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"no block at time {seconds} (latest {time})");
            await Task.Delay(50);
        }
    }

    /// <summary>An ABCI query over JSON-RPC abci_query (path = the gRPC method path).</summary>
    public async Task<T> QueryAsync<T>(string path, IMessage request, MessageParser<T> parser) where T : IMessage<T> =>
        parser.ParseFrom((await Rpc.QueryAsync(path, request.ToByteArray(), CancellationToken.None)).Value);

    public Task<QueryRoundResponse> RoundAsync(ulong id) =>
        QueryAsync("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = id }, QueryRoundResponse.Parser);

    public async Task<UInt128> BalanceAsync(string address)
    {
        var r = await QueryAsync("/cosmos.bank.v1beta1.Query/Balance", new QueryBalanceRequest { Address = address, Denom = Denom },
            QueryBalanceResponse.Parser);
        return UInt128.Parse(r.Balance?.Amount ?? "0");
    }

    /// <summary>The operator registers its coordinator key with the insurance module (minimum deposit), over gRPC.</summary>
    public Task<TxOutcome> RegisterOperatorAsync(ChainAccount op, BabyJubjubPoint coordinatorKey, string denom) =>
        GrpcSubmitAsync(op, new MsgRegisterOperator
        {
            Operator = op.Address, Moniker = op.Name,
            PubKey = new InsurancePubKey { X = coordinatorKey.X.ToString(), Y = coordinatorKey.Y.ToString() },
            Deposit = new Coin { Denom = denom, Amount = "1000000" },
            Terms = new InsuranceTerms { LossRatioNumerator = 1, LossRatioDenominator = 10, MinPremium = "100", MaxPremium = "1000000" },
        });

    public static MsgSend Send(ChainAccount from, string to, ulong amount)
    {
        var m = new MsgSend { FromAddress = from.Address, ToAddress = to };
        m.Amount.Add(new Coin { Denom = Denom, Amount = amount.ToString() });
        return m;
    }

    public async ValueTask DisposeAsync()
    {
        Grpc.Dispose();
        Rpc.Dispose();
        await Node.DisposeAsync();
    }
}
