using Maci.Sdk.Addresses;

namespace Maci.Modules.Insurance.Types;

/// <summary>What the insurance module needs from auth (AccountKeeper has these exact members).</summary>
public interface IAccountKeeper
{
    AddressCodec Codec { get; }

    /// <summary>The address of a module account (it must be configured, as "insurance" with no permissions).</summary>
    byte[] ModuleAddress(string name);
}
