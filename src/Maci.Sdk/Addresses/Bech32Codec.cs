namespace Maci.Sdk.Addresses;

/// <summary>
/// BIP-173 bech32 (not bech32m) encoding of 8-bit data under a human-readable prefix.
/// Interim: to be replaced by Maci.Crypto.Cosmos.Bech32 once that lands.
/// </summary>
internal static class Bech32Codec
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    private static uint PolyMod(ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
                if (((top >> i) & 1) != 0) chk ^= Generator[i];
        }
        return chk;
    }

    private static byte[] HrpExpand(string hrp)
    {
        var r = new byte[hrp.Length * 2 + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            r[i] = (byte)(hrp[i] >> 5);
            r[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }
        return r;
    }

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var five = ConvertBits(data, 8, 5, true) ?? throw new ArgumentException("cannot convert data to 5-bit groups");
        var values = HrpExpand(hrp).Concat(five).Concat(new byte[6]).ToArray();
        var mod = PolyMod(values) ^ 1;
        var sb = new System.Text.StringBuilder(hrp.Length + 1 + five.Length + 6);
        sb.Append(hrp).Append('1');
        foreach (var b in five) sb.Append(Charset[b]);
        for (var i = 0; i < 6; i++) sb.Append(Charset[(int)((mod >> (5 * (5 - i))) & 31)]);
        return sb.ToString();
    }

    /// <summary>Decodes; null with a reason on any malformation (mixed case, bad checksum, bad padding…).</summary>
    public static (string Hrp, byte[] Data)? Decode(string s, out string? error)
    {
        error = null;
        if (s.Length < 8 || s.Length > 90) { error = "invalid bech32 string length"; return null; }
        if (s.Any(char.IsAsciiLetterLower) && s.Any(char.IsAsciiLetterUpper)) { error = "mixed-case bech32 string"; return null; }
        s = s.ToLowerInvariant();
        var sep = s.LastIndexOf('1');
        if (sep < 1 || sep + 7 > s.Length) { error = "invalid separator index"; return null; }
        var hrp = s[..sep];
        if (hrp.Any(c => c < 33 || c > 126)) { error = "invalid character in human-readable part"; return null; }
        var data = new byte[s.Length - sep - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var idx = Charset.IndexOf(s[sep + 1 + i]);
            if (idx < 0) { error = $"invalid character '{s[sep + 1 + i]}' in data part"; return null; }
            data[i] = (byte)idx;
        }
        if (PolyMod(HrpExpand(hrp).Concat(data).ToArray()) != 1) { error = "invalid checksum"; return null; }
        var bytes = ConvertBits(data.AsSpan(0, data.Length - 6), 5, 8, false);
        if (bytes is null) { error = "invalid padding"; return null; }
        return (hrp, bytes);
    }

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int from, int to, bool pad)
    {
        int acc = 0, bits = 0;
        var maxv = (1 << to) - 1;
        var result = new List<byte>(data.Length * from / to + 1);
        foreach (var value in data)
        {
            if (value >> from != 0) return null;
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & maxv));
            }
        }
        if (pad)
        {
            if (bits > 0) result.Add((byte)((acc << (to - bits)) & maxv));
        }
        else if (bits >= from || ((acc << (to - bits)) & maxv) != 0)
        {
            return null;
        }
        return result.ToArray();
    }
}
