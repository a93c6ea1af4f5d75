using Maci.Sdk;
using Maci.Sdk.Addresses;

namespace Maci.Modules.Bank.Types;

/// <summary>What the bank needs from the auth module.</summary>
public interface IAccountKeeper
{
    AddressCodec Codec { get; }

    bool HasAccount(Context ctx, ReadOnlySpan<byte> address);

    /// <summary>Creates an account with the next account number (first receipt of funds).</summary>
    void CreateAccount(Context ctx, ReadOnlySpan<byte> address);

    /// <summary>The module account's address, creating the account on first use.</summary>
    byte[] EnsureModuleAccount(Context ctx, string module);

    /// <summary>True for addresses of module accounts (they may not receive plain sends).</summary>
    bool IsModuleAddress(ReadOnlySpan<byte> address);
}
