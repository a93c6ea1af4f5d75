using Maci.Sdk.Store;

namespace Maci.Modules.Auth.Types;

/// <summary>The auth module's keys, all under its store prefix. Integers are big-endian.</summary>
public static class Keys
{
    public const string ModuleName = "auth";
    public const string FeeCollectorName = "fee_collector";

    public static readonly StoreKey StoreKey = new(ModuleName);

    /// <summary>0x00 → Params.</summary>
    public static readonly byte[] ParamsKey = [0x00];

    /// <summary>0x01 ‖ address(20) → account, packed as Any (BaseAccount or ModuleAccount).</summary>
    public const byte AccountPrefix = 0x01;

    /// <summary>0x02 → next account number (uint64 big-endian).</summary>
    public static readonly byte[] NextAccountNumberKey = [0x02];

    /// <summary>0x03 ‖ module name (UTF-8) → module account address.</summary>
    public const byte ModuleNamePrefix = 0x03;

    public static byte[] Account(ReadOnlySpan<byte> address)
    {
        var k = new byte[1 + address.Length];
        k[0] = AccountPrefix;
        address.CopyTo(k.AsSpan(1));
        return k;
    }

    public static byte[] ModuleAccountName(string name)
    {
        var n = System.Text.Encoding.UTF8.GetBytes(name);
        var k = new byte[1 + n.Length];
        k[0] = ModuleNamePrefix;
        n.CopyTo(k, 1);
        return k;
    }
}
