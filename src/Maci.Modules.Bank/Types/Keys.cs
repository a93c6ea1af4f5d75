using Maci.Sdk.Store;

namespace Maci.Modules.Bank.Types;

/// <summary>The bank module's keys, all under its store prefix. Amounts are 16-byte big-endian integers.</summary>
public static class Keys
{
    public const string ModuleName = "bank";

    public static readonly StoreKey StoreKey = new(ModuleName);

    /// <summary>0x00 ‖ denom → total supply of denom.</summary>
    public const byte SupplyPrefix = 0x00;

    /// <summary>0x01 ‖ denom → Metadata.</summary>
    public const byte DenomMetadataPrefix = 0x01;

    /// <summary>0x02 ‖ len(address) ‖ address ‖ denom → balance.</summary>
    public const byte BalancesPrefix = 0x02;

    /// <summary>0x03 → Params.</summary>
    public static readonly byte[] ParamsKey = [0x03];

    /// <summary>0x04 ‖ denom → send enabled flag (1 byte).</summary>
    public const byte SendEnabledPrefix = 0x04;

    public static byte[] Supply(string denom) => WithPrefix(SupplyPrefix, denom);

    public static byte[] DenomMetadata(string denom) => WithPrefix(DenomMetadataPrefix, denom);

    public static byte[] SendEnabled(string denom) => WithPrefix(SendEnabledPrefix, denom);

    public static byte[] AccountBalances(ReadOnlySpan<byte> address)
    {
        var k = new byte[2 + address.Length];
        k[0] = BalancesPrefix;
        k[1] = checked((byte)address.Length);
        address.CopyTo(k.AsSpan(2));
        return k;
    }

    public static byte[] Balance(ReadOnlySpan<byte> address, string denom)
    {
        var d = System.Text.Encoding.UTF8.GetBytes(denom);
        var k = new byte[2 + address.Length + d.Length];
        k[0] = BalancesPrefix;
        k[1] = checked((byte)address.Length);
        address.CopyTo(k.AsSpan(2));
        d.CopyTo(k, 2 + address.Length);
        return k;
    }

    /// <summary>Splits a full balance key (without module prefix) into address and denom.</summary>
    public static (byte[] Address, string Denom) ParseBalance(ReadOnlySpan<byte> key)
    {
        int len = key[1];
        return (key.Slice(2, len).ToArray(), System.Text.Encoding.UTF8.GetString(key[(2 + len)..]));
    }

    private static byte[] WithPrefix(byte prefix, string denom)
    {
        var d = System.Text.Encoding.UTF8.GetBytes(denom);
        var k = new byte[1 + d.Length];
        k[0] = prefix;
        d.CopyTo(k, 1);
        return k;
    }
}
