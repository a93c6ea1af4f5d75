using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Modules;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>Pure checks over insurance state (and the module account's bank balance).</summary>
public sealed class InsuranceInvariants(InsuranceKeeper keeper)
{
    public IReadOnlyList<Invariant> All =>
    [
        new(Keys.ModuleName, "module-account", ModuleAccount),
        new(Keys.ModuleName, "locks-within-deposits", LocksWithinDeposits),
        new(Keys.ModuleName, "policies", Policies),
        new(Keys.ModuleName, "pubkey-index", PubKeyIndex),
    ];

    /// <summary>The module account holds exactly Σ deposits (locked, unbonding and free parts) + Σ escrowed premiums.</summary>
    public string? ModuleAccount(Context ctx)
    {
        var denom = keeper.GetParams(ctx).Denom;
        var expected = UInt128.Zero;
        foreach (var op in keeper.AllOperators(ctx)) expected += Amounts.Read(op.Deposit);
        foreach (var p in keeper.AllPolicies(ctx))
            if (p.Status == PolicyStatus.Active) expected += Amounts.Read(p.Premium);
        var balance = keeper.Bank.GetBalance(ctx, keeper.ModuleAddress, denom);
        return balance == expected ? null : $"insurance module account holds {balance}{denom}, deposits + escrowed premiums are {expected}{denom}";
    }

    /// <summary>locked + unbonding ≤ deposit; locked = Σ coverage of active policies; unbonding = Σ queue entries.</summary>
    public string? LocksWithinDeposits(Context ctx)
    {
        var lockedBy = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var p in keeper.AllPolicies(ctx))
            if (p.Status == PolicyStatus.Active) lockedBy[p.Operator] = lockedBy.GetValueOrDefault(p.Operator) + Amounts.Read(p.Coverage);
        var unbondingBy = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var u in keeper.AllUnbondings(ctx)) unbondingBy[u.Operator] = unbondingBy.GetValueOrDefault(u.Operator) + Amounts.Read(u.Amount);
        foreach (var op in keeper.AllOperators(ctx))
        {
            var deposit = Amounts.Read(op.Deposit);
            var locked = Amounts.Read(op.Locked);
            var unbonding = Amounts.Read(op.Unbonding);
            if (locked > deposit || unbonding > deposit - locked)
                return $"operator {op.Address}: locked {locked} + unbonding {unbonding} exceeds deposit {deposit}";
            if (locked != lockedBy.GetValueOrDefault(op.Address))
                return $"operator {op.Address}: locked {locked} != active coverage {lockedBy.GetValueOrDefault(op.Address)}";
            if (unbonding != unbondingBy.GetValueOrDefault(op.Address))
                return $"operator {op.Address}: unbonding {unbonding} != queue entries {unbondingBy.GetValueOrDefault(op.Address)}";
        }
        return null;
    }

    /// <summary>Parts add up to the coverage, slashes stay within their parts, pending counts match the batches.</summary>
    public string? Policies(Context ctx)
    {
        var pending = new Dictionary<ulong, ulong>();
        foreach (var b in keeper.AllDeactivateBatches(ctx)) pending[b.RoundId] = pending.GetValueOrDefault(b.RoundId) + b.Remaining;
        var active = new HashSet<ulong>(keeper.ActivePolicyRounds(ctx));
        foreach (var p in keeper.AllPolicies(ctx))
        {
            var coverage = Amounts.Read(p.Coverage);
            var v = Amounts.Read(p.VotingPart);
            var t = Amounts.Read(p.TallyPart);
            if (v + t != coverage) return $"round {p.RoundId}: voting {v} + tally {t} != coverage {coverage}";
            if (Amounts.Read(p.VotingSlashed) > v || Amounts.Read(p.TallySlashed) > t) return $"round {p.RoundId}: slash exceeds its part";
            if ((p.Status == PolicyStatus.Active) != active.Contains(p.RoundId)) return $"round {p.RoundId}: active index disagrees with status {p.Status}";
            if (p.Status == PolicyStatus.Active && pending.GetValueOrDefault(p.RoundId) != p.PendingDeactivations)
                return $"round {p.RoundId}: pending {p.PendingDeactivations} != batches {pending.GetValueOrDefault(p.RoundId)}";
            if (p.Status != PolicyStatus.Active && pending.ContainsKey(p.RoundId)) return $"round {p.RoundId}: settled policy keeps deactivate batches";
        }
        return null;
    }

    /// <summary>Every active operator's key maps back to it; deregistered operators hold no index entry.</summary>
    public string? PubKeyIndex(Context ctx)
    {
        foreach (var op in keeper.AllOperators(ctx))
        {
            if (CoordinatorKey.TryParse(op.PubKey, checkGroup: false, out var key) is { } err) return $"operator {op.Address}: {err.Log}";
            var holder = keeper.GetOperatorAddressByKey(ctx, key);
            var holderText = holder is null ? null : keeper.Accounts.Codec.Encode(holder);
            if (op.Status == OperatorStatus.Active && holderText != op.Address)
                return $"operator {op.Address}: its key is indexed to {holderText ?? "nobody"}";
            if (op.Status != OperatorStatus.Active && holderText == op.Address)
                return $"deregistered operator {op.Address} still holds its key";
        }
        return null;
    }
}
