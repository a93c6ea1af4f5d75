using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Modules;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;

namespace Maci.Abci.Tests.Export;

/// <summary>
/// A <see cref="MaciApp"/> on an in-memory store started by InitChain at any initial height and driven with chosen block
/// times (rounds need voting windows of minutes), signing with the devnet keys of <see cref="ModulesChain"/>.
/// </summary>
public sealed class TimedChain : IDisposable
{
    private readonly CommitStore _store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });

    public TimedChain(string appState, long initialHeight, DateTimeOffset genesisTime)
    {
        App = new MaciApp(AppConfig.Devnet(), _store);
        var init = App.InitChainAsync(new RequestInitChain
        {
            ChainId = App.Config.ChainId, InitialHeight = initialHeight, Time = Timestamp.FromDateTimeOffset(genesisTime),
            AppStateBytes = ByteString.CopyFromUtf8(appState),
        }, default).AsTask().Result;
        GenesisAppHash = init.AppHash.ToByteArray();
        Height = initialHeight - 1;
    }

    public static TestAccount[] Keys { get; } = ModulesChain.Mnemonics.Select(TestAccount.FromMnemonic).ToArray();

    public MaciApp App { get; }
    public byte[] GenesisAppHash { get; }
    public long Height { get; private set; }

    /// <summary>FinalizeBlock at the next height and <paramref name="time"/> (unix seconds), Commit, then every invariant must hold.</summary>
    public ResponseFinalizeBlock Block(long time, params byte[][] txs)
    {
        var req = new RequestFinalizeBlock { Height = ++Height, Time = new Timestamp { Seconds = time } };
        req.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        var response = App.FinalizeBlockAsync(req, default).AsTask().Result;
        App.CommitAsync(new RequestCommit(), default).AsTask().Wait();
        Assert.Null(App.CheckInvariants());
        return response;
    }

    /// <summary>Signs one tx by devnet key <paramref name="who"/> (account number and sequence read from state).</summary>
    public byte[] Tx(int who, params IMessage[] messages)
    {
        var account = Query<QueryAccountResponse>("/cosmos.auth.v1beta1.Query/Account", new QueryAccountRequest { Address = Keys[who].Bech32 }).Account;
        var baseAccount = BaseAccount.Parser.ParseFrom(account.Value);
        return new SignedTx
        {
            Signer = Keys[who], AccountNumber = baseAccount.AccountNumber, Sequence = baseAccount.Sequence, Messages = messages,
            GasLimit = ModulesChain.GasLimit, FeeAmount = ModulesChain.Fee,
        }.Bytes();
    }

    /// <summary>One tx in its own block at <paramref name="time"/>; it must succeed.</summary>
    public ExecTxResult Ok(long time, int who, params IMessage[] messages)
    {
        var r = Block(time, Tx(who, messages)).TxResults[0];
        Assert.True(r.Code == 0, $"{messages[0].Descriptor.Name} at {time}: {r.Codespace}/{r.Code} {r.Log}");
        return r;
    }

    public ResponseQuery Query(string path, IMessage request) =>
        App.QueryAsync(new RequestQuery { Path = path, Data = request.ToByteString() }, default).AsTask().Result;

    public T Query<T>(string path, IMessage request) where T : IMessage<T>, new()
    {
        var r = Query(path, request);
        if (r.Code != 0) throw new InvalidOperationException($"query {path} failed with {r.Codespace}/{r.Code}: {r.Log}");
        var value = new T();
        value.MergeFrom(r.Value);
        return value;
    }

    public void Dispose()
    {
        App.Dispose();
        _store.Dispose();
    }
}
