using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>
/// Validation, import and export of the insurance genesis section. Import writes only this module's state: the
/// module account's balance must come with the bank genesis (the module-account invariant checks it).
/// </summary>
public sealed class InsuranceGenesis(InsuranceKeeper keeper)
{
    public static GenesisState Default() => new() { Params = InsuranceParams.Default() };

    private static SdkError Invalid(string why) => InsuranceErrors.InvalidGenesis.Wrap(why);

    public SdkError? Validate(GenesisState g)
    {
        if (InsuranceParams.Validate(g.Params) is { } perr) return Invalid(perr.Log);
        var codec = keeper.Accounts.Codec;
        var operators = new Dictionary<string, Operator>(StringComparer.Ordinal);
        var keys = new HashSet<(string, string)>();
        foreach (var op in g.Operators)
        {
            if (codec.TryDecode(op.Address, out var raw) is { } aerr) return Invalid($"operator '{Amounts.Clip(op.Address)}': {aerr.Log}");
            if (codec.Encode(raw) != op.Address) return Invalid($"operator address {op.Address} is not in canonical form");
            if (!operators.TryAdd(op.Address, op)) return Invalid($"duplicate operator {op.Address}");
            if (new OperatorMetadata(op.Moniker, op.Website, op.Identity).Validate() is { } merr) return Invalid($"operator {op.Address}: {merr.Log}");
            if (OperatorValidation.Terms(op.Terms) is { } terr) return Invalid($"operator {op.Address}: {terr.Log}");
            if (CoordinatorKey.TryParse(op.PubKey, out var key) is { } kerr) return Invalid($"operator {op.Address}: {kerr.Log}");
            if (op.Status is not (OperatorStatus.Active or OperatorStatus.Deregistered)) return Invalid($"operator {op.Address} has no status");
            if (op.Status == OperatorStatus.Active && !keys.Add((key.Point.X.ToString(), key.Point.Y.ToString())))
                return Invalid($"operator {op.Address} reuses another active operator's public key");
            if (ParseAmounts(op.Address, out var deposit, out var locked, out var unbonding, op.Deposit, op.Locked, op.Unbonding) is { } nerr) return nerr;
            if (op.Status == OperatorStatus.Deregistered && locked != UInt128.Zero)
                return Invalid($"deregistered operator {op.Address} has locked coverage");
            if (locked > deposit || unbonding > deposit - locked)
                return Invalid($"operator {op.Address}: locked {locked} + unbonding {unbonding} exceeds deposit {deposit}");
            if (op.TrackRecord is { } tr && ParseAmounts($"track record of {op.Address}", out _, out _, out _, tr.TotalInsured, tr.TotalSlashed, tr.TotalPremiums) is { } trerr)
                return trerr;
        }

        var lockedBy = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var active = new Dictionary<ulong, Policy>();
        var rounds = new HashSet<ulong>();
        foreach (var p in g.Policies)
        {
            if (!rounds.Add(p.RoundId)) return Invalid($"duplicate policy for round {p.RoundId}");
            if (!operators.ContainsKey(p.Operator)) return Invalid($"policy of round {p.RoundId} names unknown operator {p.Operator}");
            if (codec.TryDecode(p.Owner, out _) is { } oerr) return Invalid($"policy of round {p.RoundId}: owner: {oerr.Log}");
            if (LossRatio.TryCreate(p.LossRatioNumerator, p.LossRatioDenominator, out _) is { } rerr) return Invalid($"policy of round {p.RoundId}: {rerr.Log}");
            var what = $"policy of round {p.RoundId}";
            if (ParseAmounts(what, out var premium, out var coverage, out var votingPart, p.Premium, p.Coverage, p.VotingPart) is { } e1) return e1;
            if (ParseAmounts(what, out var tallyPart, out var vSlashed, out var tSlashed, p.TallyPart, p.VotingSlashed, p.TallySlashed) is { } e2) return e2;
            if (premium == UInt128.Zero || coverage == UInt128.Zero) return Invalid($"{what}: premium and coverage must be positive");
            if (votingPart + tallyPart != coverage || votingPart > coverage) return Invalid($"{what}: voting_part + tally_part != coverage");
            if (vSlashed > votingPart || tSlashed > tallyPart) return Invalid($"{what}: slashed more than a part");
            if (p.Status == PolicyStatus.Active)
            {
                if (p.Tally is TallyOutcome.Unspecified or TallyOutcome.Missed) return Invalid($"{what}: active with tally {p.Tally}");
                active[p.RoundId] = p;
                var sum = lockedBy.GetValueOrDefault(p.Operator) + coverage;
                if (sum < coverage || premium > UInt128.MaxValue - coverage) return Invalid($"{what}: coverage overflows");
                lockedBy[p.Operator] = sum;
            }
            else if (p.Status != PolicyStatus.Settled) return Invalid($"{what} has no status");
        }
        foreach (var op in operators.Values)
            if (Amounts.Read(op.Locked) != lockedBy.GetValueOrDefault(op.Address))
                return Invalid($"operator {op.Address}: locked {op.Locked} != coverage of its active policies {lockedBy.GetValueOrDefault(op.Address)}");

        var pending = new Dictionary<ulong, ulong>();
        var batchIds = new HashSet<(ulong, ulong)>();
        foreach (var b in g.DeactivateBatches)
        {
            if (!active.TryGetValue(b.RoundId, out var p)) return Invalid($"deactivate batch {b.RoundId}/{b.Seq} has no active policy");
            if (!batchIds.Add((b.RoundId, b.Seq))) return Invalid($"duplicate deactivate batch {b.RoundId}/{b.Seq}");
            if (b.Seq >= p.NextBatchSeq) return Invalid($"deactivate batch {b.RoundId}/{b.Seq} is not below next_batch_seq {p.NextBatchSeq}");
            if (b.Remaining == 0) return Invalid($"deactivate batch {b.RoundId}/{b.Seq} is empty");
            var before = pending.GetValueOrDefault(b.RoundId);
            if (before > ulong.MaxValue - b.Remaining) return Invalid($"deactivate batches of round {b.RoundId} overflow");
            pending[b.RoundId] = before + b.Remaining;
        }
        foreach (var p in active.Values)
            if (pending.GetValueOrDefault(p.RoundId) != p.PendingDeactivations)
                return Invalid($"policy of round {p.RoundId}: pending_deactivations {p.PendingDeactivations} != its batches' {pending.GetValueOrDefault(p.RoundId)}");

        var unbondingBy = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var seqs = new HashSet<ulong>();
        foreach (var u in g.Unbondings)
        {
            if (!operators.ContainsKey(u.Operator)) return Invalid($"unbonding {u.Seq} names unknown operator {u.Operator}");
            if (!seqs.Add(u.Seq)) return Invalid($"duplicate unbonding seq {u.Seq}");
            if (u.Seq >= g.NextUnbondingSeq) return Invalid($"unbonding seq {u.Seq} is not below next_unbonding_seq {g.NextUnbondingSeq}");
            if (Amounts.TryParse(u.Amount, $"unbonding {u.Seq} amount", out var amount) is { } uerr) return Invalid(uerr.Log);
            if (amount == UInt128.Zero) return Invalid($"unbonding {u.Seq} has a zero amount");
            var prev = unbondingBy.GetValueOrDefault(u.Operator);
            if (prev + amount < prev) return Invalid($"unbondings of {u.Operator} overflow");
            unbondingBy[u.Operator] = prev + amount;
        }
        foreach (var op in operators.Values)
            if (Amounts.Read(op.Unbonding) != unbondingBy.GetValueOrDefault(op.Address))
                return Invalid($"operator {op.Address}: unbonding {op.Unbonding} != its queue entries {unbondingBy.GetValueOrDefault(op.Address)}");
        return null;
    }

    private static SdkError? ParseAmounts(string what, out UInt128 a, out UInt128 b, out UInt128 c, string sa, string sb, string sc)
    {
        b = c = UInt128.Zero;
        if (Amounts.TryParse(sa, "amount", out a) is { } e1) return Invalid($"{what}: {e1.Log}");
        if (Amounts.TryParse(sb, "amount", out b) is { } e2) return Invalid($"{what}: {e2.Log}");
        if (Amounts.TryParse(sc, "amount", out c) is { } e3) return Invalid($"{what}: {e3.Log}");
        return null;
    }

    public void Init(Context ctx, GenesisState g)
    {
        keeper.SetParams(ctx, g.Params);
        var store = ctx.Store(Keys.StoreKey);
        var codec = keeper.Accounts.Codec;
        foreach (var op in g.Operators)
        {
            codec.TryDecode(op.Address, out var raw);
            op.TrackRecord ??= InsuranceKeeper.EmptyTrackRecord();
            store.Set(Keys.Operator(raw), op.ToByteArray());
            if (op.Status == OperatorStatus.Active)
            {
                store.Set(CoordinatorKey.FromStored(op.PubKey, op.Address).IndexKey(), raw);
            }
        }
        foreach (var p in g.Policies)
        {
            codec.TryDecode(p.Operator, out var raw);
            store.Set(Keys.Policy(p.RoundId), p.ToByteArray());
            store.Set(Keys.OperatorPolicy(raw, p.RoundId), [1]);
            if (p.Status == PolicyStatus.Active) store.Set(Keys.ActivePolicy(p.RoundId), [1]);
        }
        foreach (var b in g.DeactivateBatches) store.Set(Keys.DeactivateBatch(b.RoundId, b.Seq), b.ToByteArray());
        foreach (var u in g.Unbondings) store.Set(Keys.Unbonding(u.CompletionTime, u.Seq), u.ToByteArray());
        keeper.SetNextUnbondingSeq(ctx, g.NextUnbondingSeq);
    }

    public GenesisState Export(Context ctx)
    {
        var g = new GenesisState { Params = keeper.GetParams(ctx), NextUnbondingSeq = keeper.GetNextUnbondingSeq(ctx) };
        g.Operators.AddRange(keeper.AllOperators(ctx).OrderBy(o => o.Address, StringComparer.Ordinal));
        g.Policies.AddRange(keeper.AllPolicies(ctx));
        g.DeactivateBatches.AddRange(keeper.AllDeactivateBatches(ctx));
        g.Unbondings.AddRange(keeper.AllUnbondings(ctx).OrderBy(u => u.Seq));
        return g;
    }
}
