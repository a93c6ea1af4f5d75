using Google.Protobuf;
using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;

namespace Maci.Modules.Bank.Keeper;

public sealed partial class BankKeeper
{
    public UInt128 GetSupply(Context ctx, string denom) => ReadAmount(ctx.Store(Keys.StoreKey).Get(Keys.Supply(denom)));

    public Coins GetTotalSupply(Context ctx)
    {
        var list = new List<Coin>();
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.SupplyPrefix], [Keys.SupplyPrefix + 1]);
        for (; it.Valid; it.Next()) list.Add(new Coin(System.Text.Encoding.UTF8.GetString(it.Key[1..]), ReadAmount(it.Value)));
        Coins.TryCreate(list, out var coins);
        return coins;
    }

    private void SetSupply(Context ctx, string denom, UInt128 amount)
    {
        var store = ctx.Store(Keys.StoreKey);
        if (amount == UInt128.Zero) store.Delete(Keys.Supply(denom));
        else store.Set(Keys.Supply(denom), WriteAmount(amount));
    }

    /// <summary>Creates coins in a module account and raises the supply.</summary>
    public void MintCoins(Context ctx, string module, Coins amount)
    {
        var address = accounts.EnsureModuleAccount(ctx, module);
        AddCoins(ctx, address, amount);
        foreach (var c in amount)
        {
            var s = GetSupply(ctx, c.Denom);
            var next = s + c.Amount;
            if (next < s) throw new OverflowException($"supply overflow for {c.Denom}");
            SetSupply(ctx, c.Denom, next);
        }
        ctx.Events.Emit(new Event("coinbase", new EventAttribute("minter", accounts.Codec.Encode(address)), new EventAttribute("amount", amount.ToString())));
    }

    /// <summary>Destroys coins held by a module account and lowers the supply.</summary>
    public SdkError? BurnCoins(Context ctx, string module, Coins amount)
    {
        var address = accounts.EnsureModuleAccount(ctx, module);
        if (SubtractCoins(ctx, address, amount) is { } err) return err;
        foreach (var c in amount) SetSupply(ctx, c.Denom, GetSupply(ctx, c.Denom) - c.Amount);
        ctx.Events.Emit(new Event("burn", new EventAttribute("burner", accounts.Codec.Encode(address)), new EventAttribute("amount", amount.ToString())));
        return null;
    }

    /// <summary>Genesis only: writes a balance and adds it to the supply without events.</summary>
    internal void InitBalance(Context ctx, byte[] address, Coins coins)
    {
        foreach (var c in coins)
        {
            SetBalance(ctx, address, c.Denom, GetBalance(ctx, address, c.Denom) + c.Amount);
            SetSupply(ctx, c.Denom, GetSupply(ctx, c.Denom) + c.Amount);
        }
    }

    public Metadata? GetDenomMetadata(Context ctx, string denom)
    {
        var bytes = ctx.Store(Keys.StoreKey).Get(Keys.DenomMetadata(denom));
        return bytes is null ? null : Metadata.Parser.ParseFrom(bytes);
    }

    public void SetDenomMetadata(Context ctx, Metadata m) =>
        ctx.Store(Keys.StoreKey).Set(Keys.DenomMetadata(m.Base), m.ToByteArray());

    /// <summary>Every (address, coins) holding a balance, in key order.</summary>
    public List<(byte[] Address, Coins Coins)> AllBalances(Context ctx)
    {
        var result = new List<(byte[], Coins)>();
        byte[]? current = null;
        var coins = new List<Coin>();
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.BalancesPrefix], [Keys.BalancesPrefix + 1]);
        for (; it.Valid; it.Next())
        {
            var (address, denom) = Keys.ParseBalance(it.Key);
            if (current is not null && !current.AsSpan().SequenceEqual(address))
            {
                Coins.TryCreate(coins, out var c);
                result.Add((current, c));
                coins.Clear();
            }
            current = address;
            coins.Add(new Coin(denom, ReadAmount(it.Value)));
        }
        if (current is not null)
        {
            Coins.TryCreate(coins, out var c);
            result.Add((current, c));
        }
        return result;
    }

    public List<Metadata> AllDenomMetadata(Context ctx)
    {
        var list = new List<Metadata>();
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.DenomMetadataPrefix], [Keys.DenomMetadataPrefix + 1]);
        for (; it.Valid; it.Next()) list.Add(Metadata.Parser.ParseFrom(it.Value));
        return list;
    }

    public List<SendEnabled> AllSendEnabled(Context ctx)
    {
        var list = new List<SendEnabled>();
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.SendEnabledPrefix], [Keys.SendEnabledPrefix + 1]);
        for (; it.Valid; it.Next())
            list.Add(new SendEnabled { Denom = System.Text.Encoding.UTF8.GetString(it.Key[1..]), Enabled = it.Value[0] == 1 });
        return list;
    }
}
