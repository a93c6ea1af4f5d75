using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;

namespace Maci.Abci.Tests.App.Support;

/// <summary>
/// Drives a fresh in-memory <see cref="MaciApp"/> the way CometBFT does (InitChain, then per height
/// FinalizeBlock + Commit), with typed helpers for queries.
/// </summary>
public sealed class AppHarness : IDisposable
{
    public const ulong StartBalance = 1_000_000_000;
    public static readonly DateTimeOffset GenesisTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly CommitStore _store;

    /// <param name="commitGenesis">Commit an empty block 1 right away, so genesis is visible to CheckTx and queries
    /// (as CosmJS sees a running chain).</param>
    public AppHarness(IReadOnlyList<TestAccount> funded, AppConfig? config = null, string? appStateJson = null, int parallelism = 2,
        bool commitGenesis = true)
    {
        Funded = funded;
        _store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });
        App = new MaciApp((config ?? AppConfig.Devnet()) with { SignatureParallelism = parallelism }, _store);
        var init = App.InitChainAsync(new RequestInitChain
        {
            ChainId = App.Config.ChainId,
            InitialHeight = 1,
            Time = Timestamp.FromDateTimeOffset(GenesisTime),
            AppStateBytes = ByteString.CopyFromUtf8(appStateJson ?? GenesisJson(funded)),
        }, default).AsTask().Result;
        GenesisAppHash = init.AppHash.ToByteArray();
        if (commitGenesis) Block();
    }

    public MaciApp App { get; }
    public IReadOnlyList<TestAccount> Funded { get; }
    public byte[] GenesisAppHash { get; }
    public long Height { get; private set; }

    public static string GenesisJson(IReadOnlyList<TestAccount> funded, ulong balance = StartBalance)
    {
        var accounts = new JsonArray();
        var balances = new JsonArray();
        for (var i = 0; i < funded.Count; i++)
        {
            accounts.Add(new JsonObject
            {
                ["@type"] = "/cosmos.auth.v1beta1.BaseAccount",
                ["address"] = funded[i].Bech32,
                ["account_number"] = i.ToString(),
                ["sequence"] = "0",
            });
            balances.Add(new JsonObject
            {
                ["address"] = funded[i].Bech32,
                ["coins"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = balance.ToString() }),
            });
        }
        return new JsonObject
        {
            ["auth"] = new JsonObject { ["accounts"] = accounts, ["params"] = new JsonObject
            {
                ["max_memo_characters"] = "256", ["tx_sig_limit"] = "7", ["tx_size_cost_per_byte"] = "10",
                ["sig_verify_cost_ed25519"] = "590", ["sig_verify_cost_secp256k1"] = "1000",
            } },
            ["bank"] = new JsonObject { ["balances"] = balances, ["params"] = new JsonObject { ["default_send_enabled"] = true } },
        }.ToJsonString();
    }

    public ResponseCheckTx CheckTx(byte[] tx, bool recheck = false) =>
        App.CheckTxAsync(new RequestCheckTx { Tx = ByteString.CopyFrom(tx), Type = recheck ? CheckTxType.Recheck : CheckTxType.New }, default).AsTask().Result;

    /// <summary>FinalizeBlock at the next height (time advances 1 s per block), then Commit.</summary>
    public ResponseFinalizeBlock Block(params byte[][] txs)
    {
        var response = FinalizeOnly(txs);
        App.CommitAsync(new RequestCommit(), default).AsTask().Wait();
        return response;
    }

    public ResponseFinalizeBlock FinalizeOnly(params byte[][] txs)
    {
        Height++;
        var req = new RequestFinalizeBlock { Height = Height, Time = Timestamp.FromDateTimeOffset(GenesisTime.AddSeconds(Height)) };
        req.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        return App.FinalizeBlockAsync(req, default).AsTask().Result;
    }

    public ResponseQuery Query(string path, IMessage request, long height = 0) =>
        App.QueryAsync(new RequestQuery { Path = path, Data = request.ToByteString(), Height = height }, default).AsTask().Result;

    public T Query<T>(string path, IMessage request, MessageParser<T> parser) where T : IMessage<T>
    {
        var r = Query(path, request);
        if (r.Code != 0) throw new InvalidOperationException($"query {path} failed with {r.Codespace}/{r.Code}: {r.Log}");
        return parser.ParseFrom(r.Value);
    }

    public ulong Balance(string address, string denom = "umaci") =>
        ulong.Parse(Query("/cosmos.bank.v1beta1.Query/Balance", new QueryBalanceRequest { Address = address, Denom = denom },
            QueryBalanceResponse.Parser).Balance.Amount);

    public BaseAccount? Account(string address)
    {
        var r = Query("/cosmos.auth.v1beta1.Query/Account", new QueryAccountRequest { Address = address });
        if (r.Code == 22) return null;
        var any = QueryAccountResponse.Parser.ParseFrom(r.Value).Account;
        return any.TypeUrl == "/cosmos.auth.v1beta1.BaseAccount"
            ? BaseAccount.Parser.ParseFrom(any.Value)
            : ModuleAccount.Parser.ParseFrom(any.Value).BaseAccount;
    }

    public ulong Sequence(TestAccount a) => Account(a.Bech32)!.Sequence;

    public ulong TotalSupply(string denom = "umaci") =>
        ulong.Parse(Query("/cosmos.bank.v1beta1.Query/TotalSupply", new QueryTotalSupplyRequest(), QueryTotalSupplyResponse.Parser)
            .Supply.Single(c => c.Denom == denom).Amount);

    public void Dispose()
    {
        App.Dispose();
        _store.Dispose();
    }
}
