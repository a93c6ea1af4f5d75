using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Modules.Auth.Types;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Addresses;

namespace Maci.Modules.Auth.Keeper;

/// <summary>
/// Owns accounts (address → BaseAccount or ModuleAccount), the account-number counter and auth params.
/// Accounts are stored as Any so module accounts keep their name and permissions.
/// </summary>
public sealed class AccountKeeper
{
    public const string BaseAccountTypeUrl = "/cosmos.auth.v1beta1.BaseAccount";
    public const string ModuleAccountTypeUrl = "/cosmos.auth.v1beta1.ModuleAccount";

    private readonly IReadOnlyDictionary<string, string[]> _modulePermissions;

    public AccountKeeper(AddressCodec codec, IReadOnlyDictionary<string, string[]> modulePermissions)
    {
        Codec = codec;
        _modulePermissions = modulePermissions;
    }

    public AddressCodec Codec { get; }

    /// <summary>Names of the module accounts this chain knows, in ordinal order.</summary>
    public IEnumerable<string> ModuleAccountNames => _modulePermissions.Keys.Order(StringComparer.Ordinal);

    public Any? GetAccountAny(Context ctx, ReadOnlySpan<byte> address)
    {
        var bytes = ctx.Store(Keys.StoreKey).Get(Keys.Account(address));
        return bytes is null ? null : Any.Parser.ParseFrom(bytes);
    }

    /// <summary>The account's base fields (for a module account, its embedded base account).</summary>
    public BaseAccount? GetAccount(Context ctx, ReadOnlySpan<byte> address) => Unpack(GetAccountAny(ctx, address));

    public static BaseAccount? Unpack(Any? any) => any?.TypeUrl switch
    {
        null => null,
        BaseAccountTypeUrl => BaseAccount.Parser.ParseFrom(any.Value),
        ModuleAccountTypeUrl => ModuleAccount.Parser.ParseFrom(any.Value).BaseAccount,
        _ => throw new InvalidDataException($"unknown account type {any.TypeUrl} in state"),
    };

    public bool HasAccount(Context ctx, ReadOnlySpan<byte> address) => ctx.Store(Keys.StoreKey).Has(Keys.Account(address));

    /// <summary>Stores updated base fields, keeping a module account's wrapper.</summary>
    public void SetAccount(Context ctx, BaseAccount account)
    {
        if (Codec.TryDecode(account.Address, out var raw) is { } err) throw new ArgumentException(err.Log);
        var existing = GetAccountAny(ctx, raw);
        Any packed;
        if (existing?.TypeUrl == ModuleAccountTypeUrl)
        {
            var module = ModuleAccount.Parser.ParseFrom(existing.Value);
            module.BaseAccount = account;
            packed = Pack(module);
        }
        else packed = Pack(account);
        ctx.Store(Keys.StoreKey).Set(Keys.Account(raw), packed.ToByteArray());
    }

    public void SetModuleAccount(Context ctx, ModuleAccount account)
    {
        if (Codec.TryDecode(account.BaseAccount.Address, out var raw) is { } err) throw new ArgumentException(err.Log);
        var store = ctx.Store(Keys.StoreKey);
        store.Set(Keys.Account(raw), Pack(account).ToByteArray());
        store.Set(Keys.ModuleAccountName(account.Name), raw);
    }

    public static Any Pack(BaseAccount a) => new() { TypeUrl = BaseAccountTypeUrl, Value = a.ToByteString() };

    public static Any Pack(ModuleAccount a) => new() { TypeUrl = ModuleAccountTypeUrl, Value = a.ToByteString() };

    /// <summary>Creates and stores a fresh account with the next account number.</summary>
    public BaseAccount NewAccount(Context ctx, ReadOnlySpan<byte> address)
    {
        var account = new BaseAccount { Address = Codec.Encode(address), AccountNumber = NextAccountNumber(ctx) };
        SetAccount(ctx, account);
        return account;
    }

    /// <summary>Returns the next account number and advances the counter.</summary>
    public ulong NextAccountNumber(Context ctx)
    {
        var store = ctx.Store(Keys.StoreKey);
        var bytes = store.Get(Keys.NextAccountNumberKey);
        var next = bytes is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(bytes);
        Span<byte> buf = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buf, next + 1);
        store.Set(Keys.NextAccountNumberKey, buf);
        return next;
    }

    public ulong PeekNextAccountNumber(Context ctx)
    {
        var bytes = ctx.Store(Keys.StoreKey).Get(Keys.NextAccountNumberKey);
        return bytes is null ? 0 : BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    public void SetNextAccountNumber(Context ctx, ulong next)
    {
        Span<byte> buf = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buf, next);
        ctx.Store(Keys.StoreKey).Set(Keys.NextAccountNumberKey, buf);
    }

    public byte[] ModuleAddress(string name) => AddressCodec.ModuleAddress(name);

    /// <summary>The module's account, created on first use with its configured permissions.</summary>
    public ModuleAccount GetOrCreateModuleAccount(Context ctx, string name)
    {
        if (!_modulePermissions.TryGetValue(name, out var perms))
            throw new InvalidOperationException($"module account {name} is not configured");
        var address = ModuleAddress(name);
        var any = GetAccountAny(ctx, address);
        if (any?.TypeUrl == ModuleAccountTypeUrl) return ModuleAccount.Parser.ParseFrom(any.Value);
        if (any is not null)
            throw new InvalidOperationException($"address of module {name} is held by a non-module account");
        var account = new ModuleAccount
        {
            BaseAccount = new BaseAccount { Address = Codec.Encode(address), AccountNumber = NextAccountNumber(ctx) },
            Name = name,
            Permissions = { perms },
        };
        SetModuleAccount(ctx, account);
        return account;
    }

    public bool IsModuleAddress(ReadOnlySpan<byte> address)
    {
        foreach (var name in _modulePermissions.Keys)
            if (ModuleAddress(name).AsSpan().SequenceEqual(address)) return true;
        return false;
    }

    public Params GetParams(Context ctx)
    {
        var bytes = ctx.Store(Keys.StoreKey).Get(Keys.ParamsKey);
        return bytes is null ? AuthParams.Default() : Params.Parser.ParseFrom(bytes);
    }

    public void SetParams(Context ctx, Params p) => ctx.Store(Keys.StoreKey).Set(Keys.ParamsKey, p.ToByteArray());

    /// <summary>All accounts in address order.</summary>
    public List<Any> AllAccounts(Context ctx)
    {
        var list = new List<Any>();
        using var it = ctx.Store(Keys.StoreKey).Iterate([Keys.AccountPrefix], [Keys.AccountPrefix + 1]);
        for (; it.Valid; it.Next()) list.Add(Any.Parser.ParseFrom(it.Value));
        return list;
    }
}
