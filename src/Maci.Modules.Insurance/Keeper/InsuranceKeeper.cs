using System.Buffers.Binary;
using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Storage;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>
/// Owns operators, deposits, policies, deactivate batches and the unbonding queue. Every mutation goes through a
/// method of this class (split into partial files by concern), which checks first, then writes and emits events.
/// The rounds module is wired in after construction with <see cref="SetRoundInfoSource"/> (the two keepers refer
/// to each other) and drives policies through <see cref="IInsuranceHooks"/>.
/// </summary>
public sealed partial class InsuranceKeeper : IInsuranceHooks
{
    private readonly IBankKeeper _bank;
    private IRoundInfoSource? _rounds;

    public InsuranceKeeper(IBankKeeper bank, IAccountKeeper accounts)
    {
        _bank = bank;
        Accounts = accounts;
    }

    public IAccountKeeper Accounts { get; }

    public IBankKeeper Bank => _bank;

    /// <summary>Wires the rounds module's view of rounds; once, at the composition root.</summary>
    public void SetRoundInfoSource(IRoundInfoSource rounds)
    {
        if (_rounds is not null) throw new InvalidOperationException("the round info source is already set");
        _rounds = rounds;
    }

    private IRoundInfoSource Rounds =>
        _rounds ?? throw new InvalidOperationException("the insurance keeper has no round info source (call SetRoundInfoSource)");

    public byte[] ModuleAddress => Accounts.ModuleAddress(Keys.ModuleAccountName);

    private static IKvStore Store(Context ctx) => ctx.Store(Keys.StoreKey);

    public Params GetParams(Context ctx)
    {
        var bytes = Store(ctx).Get(Keys.ParamsKey);
        return bytes is null ? InsuranceParams.Default() : Params.Parser.ParseFrom(bytes);
    }

    public void SetParams(Context ctx, Params p)
    {
        if (InsuranceParams.Validate(p) is { } err) throw new ArgumentException(err.Log);
        Store(ctx).Set(Keys.ParamsKey, p.ToByteArray());
    }

    public Operator? GetOperator(Context ctx, ReadOnlySpan<byte> address)
    {
        var bytes = Store(ctx).Get(Keys.Operator(address));
        return bytes is null ? null : Operator.Parser.ParseFrom(bytes);
    }

    private void SetOperator(Context ctx, ReadOnlySpan<byte> address, Operator op) =>
        Store(ctx).Set(Keys.Operator(address), op.ToByteArray());

    /// <summary>The address of the operator holding this coordinator key, or null.</summary>
    public byte[]? GetOperatorAddressByKey(Context ctx, CoordinatorKey key) => Store(ctx).Get(key.IndexKey());

    public Policy? GetPolicy(Context ctx, ulong roundId)
    {
        var bytes = Store(ctx).Get(Keys.Policy(roundId));
        return bytes is null ? null : Policy.Parser.ParseFrom(bytes);
    }

    private void SetPolicy(Context ctx, Policy policy) => Store(ctx).Set(Keys.Policy(policy.RoundId), policy.ToByteArray());

    /// <summary>deposit − locked − unbonding: what may be withdrawn or insured.</summary>
    public static UInt128 Available(Operator op) =>
        Amounts.Read(op.Deposit) - Amounts.Read(op.Locked) - Amounts.Read(op.Unbonding);

    public List<Operator> AllOperators(Context ctx) => ReadAll(ctx, [Keys.OperatorPrefix], Operator.Parser);

    public List<Policy> AllPolicies(Context ctx) => ReadAll(ctx, [Keys.PolicyPrefix], Policy.Parser);

    public List<DeactivateBatch> AllDeactivateBatches(Context ctx) => ReadAll(ctx, [Keys.DeactivateBatchPrefix], DeactivateBatch.Parser);

    public List<UnbondingEntry> AllUnbondings(Context ctx) => ReadAll(ctx, [Keys.UnbondingPrefix], UnbondingEntry.Parser);

    /// <summary>Round ids of active policies, ascending.</summary>
    public List<ulong> ActivePolicyRounds(Context ctx)
    {
        var list = new List<ulong>();
        byte[] prefix = [Keys.ActivePolicyPrefix];
        using var it = Store(ctx).Iterate(prefix, Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) list.Add(Keys.TrailingRoundId(it.Key));
        return list;
    }

    public ulong GetNextUnbondingSeq(Context ctx)
    {
        var bytes = Store(ctx).Get(Keys.NextUnbondingSeqKey);
        return bytes is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    internal void SetNextUnbondingSeq(Context ctx, ulong next)
    {
        Span<byte> buf = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buf, next);
        Store(ctx).Set(Keys.NextUnbondingSeqKey, buf);
    }

    private static List<T> ReadAll<T>(Context ctx, byte[] prefix, MessageParser<T> parser) where T : IMessage<T>
    {
        var list = new List<T>();
        using var it = Store(ctx).Iterate(prefix, Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) list.Add(parser.ParseFrom(it.Value));
        return list;
    }

    private string Addr(ReadOnlySpan<byte> raw) => Accounts.Codec.Encode(raw);

    private byte[] Raw(string bech32) =>
        Accounts.Codec.TryDecode(bech32, out var raw) is { } err ? throw new InvalidDataException($"corrupt address in insurance state: {err.Log}") : raw;
}
