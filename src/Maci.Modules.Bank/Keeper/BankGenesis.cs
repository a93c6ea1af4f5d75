using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Bank.Keeper;

// Params.send_enabled is deprecated upstream (moved to GenesisState.send_enabled) but still honoured on import.
#pragma warning disable CS0612

/// <summary>Validation, import and export of the bank genesis section.</summary>
public sealed class BankGenesis(BankKeeper keeper)
{
    public static GenesisState Default() => new() { Params = BankParams.Default() };

    private static SdkError Invalid(string why) => SdkErrors.InvalidRequest.Wrap($"invalid bank genesis: {why}");

    public SdkError? Validate(GenesisState g)
    {
        if (g.Params is null) return Invalid("params are missing");
        foreach (var se in g.Params.SendEnabled.Concat(g.SendEnabled))
            if (!Coin.IsValidDenom(se.Denom)) return Invalid($"send_enabled has invalid denom '{se.Denom}'");
        if (g.SendEnabled.Select(s => s.Denom).Distinct(StringComparer.Ordinal).Count() != g.SendEnabled.Count)
            return Invalid("duplicate denom in send_enabled");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sum = Coins.Empty;
        foreach (var b in g.Balances)
        {
            if (keeper.Accounts.Codec.TryDecode(b.Address, out _) is { } aerr) return Invalid($"balance of '{b.Address}': {aerr.Log}");
            if (!seen.Add(b.Address)) return Invalid($"duplicate balance for address {b.Address}");
            if (ProtoCoins.TryFromProto(b.Coins, out var coins) is { } cerr) return Invalid($"balance of {b.Address}: {cerr.Log}");
            try { sum = sum.Add(coins); }
            catch (OverflowException e) { return Invalid(e.Message); }
        }
        if (g.Supply.Count > 0)
        {
            if (ProtoCoins.TryFromProto(g.Supply, out var supply) is { } serr) return Invalid($"supply: {serr.Log}");
            if (!supply.Equals(sum)) return Invalid($"genesis supply is incorrect, expected {supply}, got {sum}");
        }
        var bases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in g.DenomMetadata)
        {
            if (!Coin.IsValidDenom(m.Base)) return Invalid($"denom metadata has invalid base denom '{m.Base}'");
            if (!bases.Add(m.Base)) return Invalid($"duplicate denom metadata for {m.Base}");
            if (m.DenomUnits.Count > 0 && (m.DenomUnits[0].Denom != m.Base || m.DenomUnits[0].Exponent != 0))
                return Invalid($"metadata of {m.Base}: the first denom unit must be the base denom with exponent 0");
        }
        return null;
    }

    public void Init(Context ctx, GenesisState g)
    {
        keeper.SetParams(ctx, new Params { DefaultSendEnabled = g.Params.DefaultSendEnabled });
        foreach (var se in g.Params.SendEnabled.Concat(g.SendEnabled)) keeper.SetSendEnabled(ctx, se.Denom, se.Enabled);
        foreach (var b in g.Balances)
        {
            keeper.Accounts.Codec.TryDecode(b.Address, out var raw);
            ProtoCoins.TryFromProto(b.Coins, out var coins);
            keeper.InitBalance(ctx, raw, coins);
        }
        foreach (var m in g.DenomMetadata) keeper.SetDenomMetadata(ctx, m);
    }

    public GenesisState Export(Context ctx)
    {
        var g = new GenesisState { Params = keeper.GetParams(ctx) };
        foreach (var (address, coins) in keeper.AllBalances(ctx)
                     .Select(b => (keeper.Accounts.Codec.Encode(b.Address), b.Coins))
                     .OrderBy(b => b.Item1, StringComparer.Ordinal))
        {
            var balance = new Balance { Address = address };
            balance.Coins.AddRange(coins.ToProto());
            g.Balances.Add(balance);
        }
        g.Supply.AddRange(keeper.GetTotalSupply(ctx).ToProto());
        g.DenomMetadata.AddRange(keeper.AllDenomMetadata(ctx));
        g.SendEnabled.AddRange(keeper.AllSendEnabled(ctx));
        return g;
    }
}
