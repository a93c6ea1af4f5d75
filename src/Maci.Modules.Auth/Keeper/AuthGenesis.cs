using Google.Protobuf.WellKnownTypes;
using Maci.Modules.Auth.Types;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Auth.Keeper;

/// <summary>Validation, import and export of the auth genesis section.</summary>
public sealed class AuthGenesis(AccountKeeper keeper)
{
    public static GenesisState Default() => new() { Params = AuthParams.Default() };

    public SdkError? Validate(GenesisState g)
    {
        if (g.Params is null) return Invalid("params are missing");
        if (AuthParams.Validate(g.Params) is { } why) return Invalid($"invalid params: {why}");
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<ulong>();
        for (var i = 0; i < g.Accounts.Count; i++)
        {
            var any = g.Accounts[i];
            BaseAccount? acc;
            try { acc = AccountKeeper.Unpack(any); }
            catch (Exception e) when (e is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException)
            {
                return Invalid($"account {i}: {e.Message}");
            }
            if (acc is null) return Invalid($"account {i} is empty");
            if (any.TypeUrl == AccountKeeper.ModuleAccountTypeUrl)
            {
                var m = ModuleAccount.Parser.ParseFrom(any.Value);
                if (string.IsNullOrWhiteSpace(m.Name)) return Invalid($"module account {i} has no name");
                if (keeper.Codec.TryDecode(acc.Address, out var raw) is null && !raw.AsSpan().SequenceEqual(keeper.ModuleAddress(m.Name)))
                    return Invalid($"module account {m.Name} has address {acc.Address}, expected {keeper.Codec.Encode(keeper.ModuleAddress(m.Name))}");
            }
            if (keeper.Codec.TryDecode(acc.Address, out _) is { } err) return Invalid($"account {i}: {err.Log}");
            if (!addresses.Add(acc.Address)) return Invalid($"duplicate account found in genesis state; address: {acc.Address}");
            if (!numbers.Add(acc.AccountNumber)) return Invalid($"duplicate account number {acc.AccountNumber} in genesis state");
            if (acc.PubKey is not null && acc.PubKey.TypeUrl != Ante.PubKeyDecorator.PubKeyTypeUrl)
                return Invalid($"account {acc.Address}: unsupported public key type {acc.PubKey.TypeUrl}");
        }
        return null;
    }

    private static SdkError Invalid(string why) => SdkErrors.InvalidRequest.Wrap($"invalid auth genesis: {why}");

    public void Init(Context ctx, GenesisState g)
    {
        keeper.SetParams(ctx, g.Params);
        ulong next = 0;
        foreach (var any in g.Accounts)
        {
            var acc = AccountKeeper.Unpack(any)!;
            if (any.TypeUrl == AccountKeeper.ModuleAccountTypeUrl) keeper.SetModuleAccount(ctx, ModuleAccount.Parser.ParseFrom(any.Value));
            else keeper.SetAccount(ctx, acc);
            next = Math.Max(next, acc.AccountNumber + 1);
        }
        keeper.SetNextAccountNumber(ctx, next);
        foreach (var name in keeper.ModuleAccountNames) keeper.GetOrCreateModuleAccount(ctx, name);
    }

    public GenesisState Export(Context ctx)
    {
        var g = new GenesisState { Params = keeper.GetParams(ctx) };
        g.Accounts.AddRange(keeper.AllAccounts(ctx).OrderBy(a => AccountKeeper.Unpack(a)!.AccountNumber));
        return g;
    }
}
