using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Crypto.Cosmos;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using Maci.TestSupport;

namespace Maci.Bench;

/// <summary>
/// A <see cref="MaciApp"/> on RocksDB (synced commits, temp dir) started by InitChain from genesis/devnet.json's app state
/// with the bench's own funded accounts (key i = SHA-256 of i + 1, account number i), driven block by block at chosen times.
/// </summary>
internal sealed class RoundsAppChain : IDisposable
{
    public const ulong GasLimit = 4_000_000;
    public const long Fee = 10_000; // 0.0025umaci × GasLimit, the devnet minimum
    private const string Balance = "1000000000000";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "maci-bench-rounds-" + Guid.NewGuid().ToString("N"));
    private readonly CommitStore _store;
    private readonly ulong[] _sequences;

    public RoundsAppChain(int accounts, long genesisTime)
    {
        Keys = new Secp256k1KeyPair[accounts];
        Parallel.For(0, accounts, i => Keys[i] = Secp256k1KeyPair.FromPrivateKey(SHA256.HashData(BitConverter.GetBytes(i + 1))));
        Addresses = Keys.Select(k => k.Bech32Address("maci")).ToArray();
        _sequences = new ulong[accounts];
        _store = CommitStore.Open(_dir);
        App = new MaciApp(AppConfig.Devnet(), _store);
        App.InitChainAsync(new RequestInitChain
        {
            ChainId = App.Config.ChainId, InitialHeight = 1, Time = new Timestamp { Seconds = genesisTime },
            AppStateBytes = ByteString.CopyFromUtf8(Genesis(Addresses)),
        }, default).AsTask().Wait();
        Time = genesisTime;
    }

    public MaciApp App { get; }
    public Secp256k1KeyPair[] Keys { get; }
    public string[] Addresses { get; }
    public long Height { get; private set; }

    /// <summary>Time of the last block executed.</summary>
    public long Time { get; private set; }

    /// <summary>The next block time: one second after the last block, or <paramref name="atLeast"/> if later.</summary>
    public long Next(long atLeast = 0) => Math.Max(Time + 1, atLeast);

    /// <summary>Signs with the account's next sequence (consumed).</summary>
    public byte[] Tx(int who, params IMessage[] messages) => Tx(who, _sequences[who]++, Fee, messages);

    /// <summary>Signs at an explicit sequence and fee; the caller keeps sequences straight.</summary>
    public byte[] Tx(int who, ulong sequence, long fee, params IMessage[] messages) =>
        BenchTx.Sign(Keys[who], (ulong)who, sequence, App.Config.ChainId, GasLimit, fee.ToString(), messages);

    public ulong Sequence(int who) => _sequences[who];

    public void Consumed(int who, ulong count) => _sequences[who] += count;

    public ResponseCheckTx CheckTx(byte[] tx) =>
        App.CheckTxAsync(new RequestCheckTx { Tx = ByteString.CopyFrom(tx) }, default).AsTask().Result;

    /// <summary>FinalizeBlock at the next height (not committed; calling it again re-executes that height).</summary>
    public ResponseFinalizeBlock Finalize(long time, params byte[][] txs)
    {
        Time = time;
        return App.FinalizeBlockAsync(BenchTx.FinalizeRequest(Height + 1, time, txs), default).AsTask().Result;
    }

    public void Commit()
    {
        App.CommitAsync(new RequestCommit(), default).AsTask().Wait();
        Height++;
    }

    /// <summary>Records a block at <paramref name="time"/> that the caller finalized and committed itself (e.g. over a socket).</summary>
    public void Committed(long time)
    {
        Time = time;
        Height++;
    }

    public ResponseFinalizeBlock Block(long time, params byte[][] txs)
    {
        var r = Finalize(time, txs);
        Commit();
        return r;
    }

    /// <summary>One tx by <paramref name="who"/> in its own block at the next time; it must succeed.</summary>
    public ExecTxResult Ok(int who, IMessage message, long atLeast = 0)
    {
        var r = Block(Next(atLeast), Tx(who, message)).TxResults[0];
        if (r.Code != 0) throw new InvalidOperationException($"{message.Descriptor.Name}: {r.Codespace}/{r.Code} {r.Log}");
        return r;
    }

    public T Query<T>(string path, IMessage request) where T : IMessage<T>, new()
    {
        var r = App.QueryAsync(new RequestQuery { Path = path, Data = request.ToByteString() }, default).AsTask().Result;
        if (r.Code != 0) throw new InvalidOperationException($"query {path} failed with {r.Codespace}/{r.Code}: {r.Log}");
        var value = new T();
        value.MergeFrom(r.Value);
        return value;
    }

    /// <summary>Devnet's app state with the auth accounts, balances and supply replaced by the bench's accounts.</summary>
    private static string Genesis(string[] addresses)
    {
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "devnet.json")))!["app_state"]!.AsObject();
        var accounts = new JsonArray();
        var balances = new JsonArray();
        for (var i = 0; i < addresses.Length; i++)
        {
            accounts.Add(new JsonObject
            {
                ["@type"] = "/cosmos.auth.v1beta1.BaseAccount", ["address"] = addresses[i], ["pub_key"] = null,
                ["account_number"] = i.ToString(), ["sequence"] = "0",
            });
            balances.Add(new JsonObject { ["address"] = addresses[i], ["coins"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = Balance }) });
        }
        state["auth"]!["accounts"] = accounts;
        state["bank"]!["balances"] = balances;
        var supply = UInt128.Parse(Balance) * (UInt128)addresses.Length;
        state["bank"]!["supply"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = supply.ToString() });
        return state.ToJsonString();
    }

    public void Dispose()
    {
        App.Dispose();
        _store.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
