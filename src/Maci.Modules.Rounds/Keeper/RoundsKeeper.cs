using System.Buffers.Binary;
using Google.Protobuf;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Trees;
using Maci.Modules.Insurance.Types;
using Keys = Maci.Modules.Rounds.Types.Keys;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Storage;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// Owns rounds: configuration, progress, the sparse state tree, message and deactivate chains, nullifiers, used
/// encryption keys, sign-ups, results, fee escrow and delay records. Every mutation goes through a method of this
/// class (partial files by concern) that checks first and writes after. It reports to the insurance hooks and
/// serves the insurance module's read-only view of rounds.
/// </summary>
public sealed partial class RoundsKeeper : IRoundInfoSource
{
    private readonly IRoundsBank _bank;
    private readonly IOperatorKeys _operators;
    private readonly IInsuranceHooks _hooks;
    private readonly CircuitKeyCache _keyCache = new();

    public RoundsKeeper(IRoundsBank bank, IRoundsAccounts accounts, IOperatorKeys operators, IInsuranceHooks hooks)
    {
        _bank = bank;
        Accounts = accounts;
        _operators = operators;
        _hooks = hooks;
    }

    public IRoundsAccounts Accounts { get; }

    public byte[] ModuleAddress => Accounts.ModuleAddress(Keys.ModuleAccountName);

    internal static IKvStore Store(Context ctx) => ctx.Store(Keys.StoreKey);

    // ---- params ----

    /// <summary>Params without the circuit keys (those are stored per circuit; see <see cref="GetCircuitKeys"/>).</summary>
    public Params GetParams(Context ctx)
    {
        var bytes = Store(ctx).Get(Keys.ParamsKey);
        return bytes is null ? RoundsParams.Default() : Params.Parser.ParseFrom(bytes);
    }

    /// <summary>Params with every circuit's keys.</summary>
    public Params GetFullParams(Context ctx)
    {
        var p = GetParams(ctx);
        byte[] prefix = [Keys.CircuitKeysPrefix];
        using var it = Store(ctx).Iterate(prefix, Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) p.Circuits.Add(CircuitKeys.Parser.ParseFrom(it.Value));
        return p;
    }

    public void SetParams(Context ctx, Params p)
    {
        if (RoundsParams.Validate(p) is { } err) throw new ArgumentException(err.Log);
        var store = Store(ctx);
        byte[] prefix = [Keys.CircuitKeysPrefix];
        var old = new List<byte[]>();
        using (var it = store.Iterate(prefix, Keys.PrefixEnd(prefix)))
            for (; it.Valid; it.Next()) old.Add(it.Key.ToArray());
        foreach (var k in old) store.Delete(k);
        foreach (var c in p.Circuits) store.Set(CircuitKey((int)c.Kind, c.Size), c.ToByteArray());
        var light = p.Clone();
        light.Circuits.Clear();
        store.Set(Keys.ParamsKey, light.ToByteArray());
    }

    public CircuitKeys? GetCircuitKeys(Context ctx, RoundKind kind, CircuitSize size)
    {
        var bytes = Store(ctx).Get(CircuitKey((int)kind, size));
        return bytes is null ? null : CircuitKeys.Parser.ParseFrom(bytes);
    }

    /// <summary>The round's decoded, prepared keys (cached across transactions).</summary>
    internal DecodedCircuitKeys? DecodedKeys(Context ctx, Round round)
    {
        var stored = Store(ctx).Get(CircuitKey((int)round.Kind, round.CircuitSize));
        if (stored is null) return null;
        return _keyCache.Get($"{(int)round.Kind}/{CircuitSizes.Name(round.CircuitSize)}", stored, GetParams(ctx).AllowGammaEqualDelta);
    }

    private static byte[] CircuitKey(int kind, CircuitSize s) =>
        Keys.CircuitKeys(kind, s.StateTreeDepth, s.IntStateTreeDepth, s.VoteOptionTreeDepth, s.MessageBatchSize);

    // ---- counters and records ----

    public ulong GetNextRoundId(Context ctx)
    {
        var bytes = Store(ctx).Get(Keys.NextRoundIdKey);
        return bytes is null ? 1 : BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    internal void SetNextRoundId(Context ctx, ulong next) => Store(ctx).Set(Keys.NextRoundIdKey, Keys.U64(next));

    public Round? GetRound(Context ctx, ulong roundId)
    {
        var bytes = Store(ctx).Get(Keys.Round(roundId));
        return bytes is null ? null : Round.Parser.ParseFrom(bytes);
    }

    internal void SetRound(Context ctx, Round round) => Store(ctx).Set(Keys.Round(round.Id), round.ToByteArray());

    public RoundState? GetRoundState(Context ctx, ulong roundId)
    {
        var bytes = Store(ctx).Get(Keys.RoundState(roundId));
        return bytes is null ? null : RoundState.Parser.ParseFrom(bytes);
    }

    internal void SetRoundState(Context ctx, ulong roundId, RoundState state) =>
        Store(ctx).Set(Keys.RoundState(roundId), state.ToByteArray());

    /// <summary>Moves the round between period indexes and stores the new period.</summary>
    internal void SetPeriod(Context ctx, ulong roundId, RoundState state, Period period)
    {
        var store = Store(ctx);
        store.Delete(Keys.ByPeriod((int)state.Period, roundId));
        state.Period = period;
        store.Set(Keys.ByPeriod((int)period, roundId), [1]);
    }

    public RoundResults? GetResults(Context ctx, ulong roundId)
    {
        var bytes = Store(ctx).Get(Keys.Results(roundId));
        return bytes is null ? null : RoundResults.Parser.ParseFrom(bytes);
    }

    public List<DelayRecord> GetDelayRecords(Context ctx, ulong roundId)
    {
        var list = new List<DelayRecord>();
        var prefix = Keys.DelayRecords(roundId);
        using var it = Store(ctx).Iterate(prefix, Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) list.Add(DelayRecord.Parser.ParseFrom(it.Value));
        return list;
    }

    internal void AddDelayRecord(Context ctx, ulong roundId, DelayRecord record)
    {
        var seq = (ulong)GetDelayRecords(ctx, roundId).Count;
        Store(ctx).Set(Keys.DelayRecord(roundId, seq), record.ToByteArray());
    }

    /// <summary>MSG_HASHES[index] (index 0 is 0).</summary>
    public Fr GetMsgHash(Context ctx, ulong roundId, ulong index) => ChainHash(ctx, Keys.MsgHash(roundId, index), index);

    /// <summary>DMSG_HASHES[index] (index 0 is 0).</summary>
    public Fr GetDMsgHash(Context ctx, ulong roundId, ulong index) => ChainHash(ctx, Keys.DMsgHash(roundId, index), index);

    public Fr GetStateRootByDMsg(Context ctx, ulong roundId, ulong index) => ChainHash(ctx, Keys.StateRootByDMsg(roundId, index), index);

    private static Fr ChainHash(Context ctx, byte[] key, ulong index)
    {
        if (index == 0) return Fr.Zero;
        var bytes = Store(ctx).Get(key);
        return bytes is null ? throw new InvalidDataException("missing chain hash in rounds state") : Fields.FromStored(bytes);
    }

    /// <summary>The state index of a signed-up key, or null.</summary>
    public ulong? GetSignUpIndex(Context ctx, ulong roundId, in Crypto.BabyJubjub.BabyJubjubPoint key)
    {
        var bytes = Store(ctx).Get(SignUpKey(roundId, key));
        return bytes is null ? null : BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    internal static byte[] SignUpKey(ulong roundId, in Crypto.BabyJubjub.BabyJubjubPoint key)
    {
        Span<byte> x = stackalloc byte[32];
        Span<byte> y = stackalloc byte[32];
        key.X.WriteBytesBigEndian(x);
        key.Y.WriteBytesBigEndian(y);
        return Keys.SignUp(roundId, x, y);
    }

    // ---- state tree ----

    /// <summary>The zero leaf of the round's state tree: H10(0×10) for aMACI, H5(0×5) for MACI.</summary>
    public static Fr ZeroStateLeaf(RoundKind kind) => kind == RoundKind.Maci ? MaciZeroLeaf : AmaciZeroLeaf;

    private static readonly Fr AmaciZeroLeaf = PoseidonHash.Hash10(new Fr[10]);
    private static readonly Fr MaciZeroLeaf = PoseidonHash.Hash5(Fr.Zero, Fr.Zero, Fr.Zero, Fr.Zero, Fr.Zero);

    internal PoseidonMerkleTree StateTree(Context ctx, Round round, ulong numSignUps) =>
        new(5, (int)round.CircuitSize.StateTreeDepth, ZeroStateLeaf(round.Kind), new StateTreeNodes(Store(ctx), round.Id), (long)numSignUps);

    public Fr StateRoot(Context ctx, Round round)
    {
        var bytes = Store(ctx).Get(Keys.StateNode(round.Id, (int)round.CircuitSize.StateTreeDepth, 0));
        if (bytes is not null) return Fields.FromStored(bytes);
        return PoseidonMerkleTree.ZeroHashes(5, (int)round.CircuitSize.StateTreeDepth, ZeroStateLeaf(round.Kind))[^1];
    }

    /// <summary>A state tree node by Dora's heap index (root 0, children of n at 5n+1 … 5n+5).</summary>
    public Fr? StateNodeByHeapIndex(Context ctx, Round round, ulong heapIndex)
    {
        var depth = (int)round.CircuitSize.StateTreeDepth;
        // Level from the top: nodes at height h (from the root) occupy [(5^h − 1)/4, (5^(h+1) − 1)/4).
        ulong start = 0, width = 1;
        for (var h = 0; h <= depth; h++)
        {
            if (heapIndex < start + width)
                return StateTree(ctx, round, 0).GetNode(depth - h, (long)(heapIndex - start));
            start += width;
            width *= 5;
        }
        return null;
    }

    internal static long Now(Context ctx) => ctx.BlockTimeSeconds;
}
