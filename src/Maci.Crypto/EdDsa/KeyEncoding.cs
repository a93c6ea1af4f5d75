using Maci.Crypto.Bn254;

namespace Maci.Crypto.EdDsa;

/// <summary>How the Dora SDK turns an integer key into EdDSA private-key bytes (its bigInt2Buffer).</summary>
internal static class KeyEncoding
{
    /// <summary>Minimal big-endian bytes of the canonical value; zero is a single zero byte.</summary>
    public static ReadOnlySpan<byte> MinimalBigEndian(in Fr value, Span<byte> buffer32)
    {
        value.WriteBytesBigEndian(buffer32);
        var start = 0;
        while (start < 31 && buffer32[start] == 0) start++;
        return buffer32[start..];
    }
}
