using System.Buffers.Binary;
using Google.Protobuf;
using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;

namespace Maci.Modules.Bank.Keeper;

/// <summary>
/// Owns balances, total supply, denom metadata and bank params. Every movement of coins goes through
/// <see cref="SendCoins"/> (or mint/burn), which emits coin_spent / coin_received / transfer.
/// </summary>
public sealed partial class BankKeeper(IAccountKeeper accounts)
{
    public IAccountKeeper Accounts => accounts;

    public UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom) =>
        ReadAmount(ctx.Store(Keys.StoreKey).Get(Keys.Balance(address, denom)));

    public Coins GetAllBalances(Context ctx, ReadOnlySpan<byte> address)
    {
        var prefix = Keys.AccountBalances(address);
        var list = new List<Coin>();
        using var it = ctx.Store(Keys.StoreKey).Iterate(prefix, Maci.Storage.KeyPrefix.End(prefix));
        for (; it.Valid; it.Next())
            list.Add(new Coin(System.Text.Encoding.UTF8.GetString(it.Key[prefix.Length..]), ReadAmount(it.Value)));
        Coins.TryCreate(list, out var coins);
        return coins;
    }

    private void SetBalance(Context ctx, ReadOnlySpan<byte> address, string denom, UInt128 amount)
    {
        var store = ctx.Store(Keys.StoreKey);
        var key = Keys.Balance(address, denom);
        if (amount == UInt128.Zero) store.Delete(key);
        else store.Set(key, WriteAmount(amount));
    }

    /// <summary>Moves coins; fails with code 5 when the sender lacks any of them. Creates the recipient's account.</summary>
    public SdkError? SendCoins(Context ctx, byte[] from, byte[] to, Coins amount)
    {
        if (SubtractCoins(ctx, from, amount) is { } err) return err;
        AddCoins(ctx, to, amount);
        if (!accounts.HasAccount(ctx, to)) accounts.CreateAccount(ctx, to);
        var sender = accounts.Codec.Encode(from);
        ctx.Events.Emit(CoreEvents.Transfer(accounts.Codec.Encode(to), sender, amount));
        ctx.Events.Emit(CoreEvents.MessageSender(sender));
        return null;
    }

    public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) =>
        SendCoins(ctx, sender, accounts.EnsureModuleAccount(ctx, module), amount);

    public SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount) =>
        SendCoins(ctx, accounts.EnsureModuleAccount(ctx, module), recipient, amount);

    private SdkError? SubtractCoins(Context ctx, byte[] address, Coins amount)
    {
        foreach (var coin in amount)
        {
            var balance = GetBalance(ctx, address, coin.Denom);
            if (balance < coin.Amount)
                return SdkErrors.InsufficientFunds.Wrap($"spendable balance {balance}{coin.Denom} is smaller than {coin}");
            SetBalance(ctx, address, coin.Denom, balance - coin.Amount);
        }
        ctx.Events.Emit(CoreEvents.CoinSpent(accounts.Codec.Encode(address), amount));
        return null;
    }

    private void AddCoins(Context ctx, byte[] address, Coins amount)
    {
        foreach (var coin in amount)
        {
            var balance = GetBalance(ctx, address, coin.Denom);
            var sum = balance + coin.Amount;
            if (sum < balance) throw new OverflowException($"balance overflow for {coin.Denom}");
            SetBalance(ctx, address, coin.Denom, sum);
        }
        ctx.Events.Emit(CoreEvents.CoinReceived(accounts.Codec.Encode(address), amount));
    }

    public Params GetParams(Context ctx)
    {
        var bytes = ctx.Store(Keys.StoreKey).Get(Keys.ParamsKey);
        return bytes is null ? BankParams.Default() : Params.Parser.ParseFrom(bytes);
    }

    public void SetParams(Context ctx, Params p) => ctx.Store(Keys.StoreKey).Set(Keys.ParamsKey, p.ToByteArray());

    public bool IsSendEnabled(Context ctx, string denom)
    {
        var v = ctx.Store(Keys.StoreKey).Get(Keys.SendEnabled(denom));
        return v is null ? GetParams(ctx).DefaultSendEnabled : v[0] == 1;
    }

    public void SetSendEnabled(Context ctx, string denom, bool enabled) =>
        ctx.Store(Keys.StoreKey).Set(Keys.SendEnabled(denom), [enabled ? (byte)1 : (byte)0]);

    internal static UInt128 ReadAmount(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? UInt128.Zero : BinaryPrimitives.ReadUInt128BigEndian(bytes);

    internal static UInt128 ReadAmount(byte[]? bytes) => bytes is null ? UInt128.Zero : ReadAmount(bytes.AsSpan());

    internal static byte[] WriteAmount(UInt128 amount)
    {
        var b = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(b, amount);
        return b;
    }
}
