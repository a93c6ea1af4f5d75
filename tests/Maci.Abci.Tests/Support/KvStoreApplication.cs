using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>
/// A small key-value application for conformance tests. A transaction is UTF-8 <c>key=value</c> with a non-empty
/// key; anything else is invalid (code 1). FinalizeBlock stages, Commit persists; the app hash is SHA-256 over the
/// sorted entries. Snapshot and vote-extension methods use the interface defaults.
/// </summary>
public sealed class KvStoreApplication : IAbciApplication
{
    public const uint CodeOk = 0;
    public const uint CodeInvalidTx = 1;
    public const uint CodeNotFound = 2;

    private readonly object _lock = new();
    private SortedDictionary<string, string> _committed = new(StringComparer.Ordinal);
    private SortedDictionary<string, string>? _staged;
    private long _height;
    private long _stagedHeight;
    private byte[] _appHash = Hash(new SortedDictionary<string, string>(StringComparer.Ordinal));

    public long Height
    {
        get
        {
            lock (_lock)
            {
                return _height;
            }
        }
    }

    public static bool TryParse(ByteString tx, out string key, out string value)
    {
        var text = tx.ToStringUtf8();
        var eq = text.IndexOf('=');
        key = eq > 0 ? text[..eq] : string.Empty;
        value = eq > 0 ? text[(eq + 1)..] : string.Empty;
        return eq > 0 && text.IndexOf('=', eq + 1) < 0;
    }

    public ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(new ResponseInfo
            {
                Data = "kvstore",
                Version = "1.0.0",
                AppVersion = 1,
                LastBlockHeight = _height,
                LastBlockAppHash = _height == 0 ? ByteString.Empty : ByteString.CopyFrom(_appHash),
            });
        }
    }

    public ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var line in request.AppStateBytes.ToStringUtf8().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryParse(ByteString.CopyFromUtf8(line), out var key, out var value))
                {
                    throw new InvalidOperationException($"Bad genesis entry '{line}'.");
                }
                _committed[key] = value;
            }
            _appHash = Hash(_committed);
            return ValueTask.FromResult(new ResponseInitChain { AppHash = ByteString.CopyFrom(_appHash) });
        }
    }

    public ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = request.Data.ToStringUtf8();
            var found = _committed.TryGetValue(key, out var value);
            return ValueTask.FromResult(new ResponseQuery
            {
                Code = found ? CodeOk : CodeNotFound,
                Log = found ? "exists" : "does not exist",
                Key = request.Data,
                Value = found ? ByteString.CopyFromUtf8(value) : ByteString.Empty,
                Height = _height,
            });
        }
    }

    public ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken cancellationToken)
    {
        var valid = TryParse(request.Tx, out var key, out _);
        return ValueTask.FromResult(new ResponseCheckTx
        {
            Code = valid ? CodeOk : CodeInvalidTx,
            Info = $"{request.Type}:{key}",
            Log = valid ? string.Empty : "expected key=value",
            GasWanted = 1,
        });
    }

    public ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken cancellationToken)
    {
        var response = new ResponsePrepareProposal();
        long total = 0;
        foreach (var tx in request.Txs)
        {
            if (TryParse(tx, out _, out _) && total + tx.Length <= request.MaxTxBytes)
            {
                total += tx.Length;
                response.Txs.Add(tx);
            }
        }
        return ValueTask.FromResult(response);
    }

    public ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken cancellationToken)
    {
        var allValid = request.Txs.All(tx => TryParse(tx, out _, out _));
        return ValueTask.FromResult(new ResponseProcessProposal
        {
            Status = allValid
                ? ResponseProcessProposal.Types.ProposalStatus.Accept
                : ResponseProcessProposal.Types.ProposalStatus.Reject,
        });
    }

    public ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = new SortedDictionary<string, string>(_committed, StringComparer.Ordinal);
            var response = new ResponseFinalizeBlock();
            foreach (var tx in request.Txs)
            {
                if (!TryParse(tx, out var key, out var value))
                {
                    response.TxResults.Add(new ExecTxResult { Code = CodeInvalidTx, Log = "expected key=value" });
                    continue;
                }
                state[key] = value;
                response.TxResults.Add(new ExecTxResult
                {
                    Code = CodeOk,
                    GasUsed = 1,
                    Events =
                    {
                        new Event
                        {
                            Type = "kv_set",
                            Attributes = { new EventAttribute { Key = "key", Value = key, Index = true } },
                        },
                    },
                });
            }
            _staged = state;
            _stagedHeight = request.Height;
            response.AppHash = ByteString.CopyFrom(Hash(state));
            return ValueTask.FromResult(response);
        }
    }

    public ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_staged is null)
            {
                throw new InvalidOperationException("Commit without FinalizeBlock.");
            }
            _committed = _staged;
            _staged = null;
            _height = _stagedHeight;
            _appHash = Hash(_committed);
            return ValueTask.FromResult(new ResponseCommit());
        }
    }

    private static byte[] Hash(SortedDictionary<string, string> state)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var (key, value) in state)
        {
            foreach (var part in new[] { key, value })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
                sha.AppendData(length);
                sha.AppendData(bytes);
            }
        }
        return sha.GetHashAndReset();
    }
}
