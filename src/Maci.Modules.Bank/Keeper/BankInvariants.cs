using Maci.Modules.Bank.Types;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Modules;

namespace Maci.Modules.Bank.Keeper;

/// <summary>Pure checks over bank state.</summary>
public sealed class BankInvariants(BankKeeper keeper)
{
    public IReadOnlyList<Invariant> All =>
    [
        new(Keys.ModuleName, "total-supply", TotalSupply),
        new(Keys.ModuleName, "nonnegative-outstanding", NoZeroBalances),
    ];

    /// <summary>The sum of all balances equals the recorded total supply, denom by denom.</summary>
    public string? TotalSupply(Context ctx)
    {
        var sum = Coins.Empty;
        foreach (var (_, coins) in keeper.AllBalances(ctx)) sum = sum.Add(coins);
        var supply = keeper.GetTotalSupply(ctx);
        return sum.Equals(supply) ? null : $"sum of balances {sum} != total supply {supply}";
    }

    /// <summary>Balances are stored only while positive (a zero entry means a missed delete).</summary>
    public string? NoZeroBalances(Context ctx)
    {
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.BalancesPrefix], [Keys.BalancesPrefix + 1]);
        for (; it.Valid; it.Next())
        {
            if (BankKeeper.ReadAmount(it.Value) != UInt128.Zero) continue;
            var (address, denom) = Keys.ParseBalance(it.Key);
            return $"zero balance stored for {keeper.Accounts.Codec.Encode(address)} in {denom}";
        }
        return null;
    }
}
