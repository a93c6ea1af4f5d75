using Maci.Sdk.Addresses;

namespace Maci.Modules.Rounds.Types;

/// <summary>What the rounds module needs from auth (AccountKeeper has these exact members).</summary>
public interface IRoundsAccounts
{
    AddressCodec Codec { get; }

    /// <summary>The module account address ("rounds", configured with no permissions).</summary>
    byte[] ModuleAddress(string name);
}
