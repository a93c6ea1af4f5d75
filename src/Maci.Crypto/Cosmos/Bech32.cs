namespace Maci.Crypto.Cosmos;

/// <summary>
/// Bech32 (BIP-173, not bech32m) as Cosmos uses it for addresses: a human-readable part, the separator '1',
/// 5-bit data words and a 6-word checksum. Strings are at most 90 characters, all lower or all upper case;
/// encoding always produces lower case.
/// </summary>
public static class Bech32
{
    public const int MaxLength = 90;
    private const int ChecksumLength = 6;
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static ReadOnlySpan<uint> Generator => [0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u];

    /// <summary>Encodes 8-bit <paramref name="data"/> (regrouped into 5-bit words with padding) under <paramref name="hrp"/>.</summary>
    /// <exception cref="ArgumentException">Invalid HRP or the result would exceed 90 characters.</exception>
    public static string Encode(string hrp, ReadOnlySpan<byte> data) => EncodeWords(hrp, ConvertBits(data, 8, 5, pad: true));

    /// <summary>Encodes 5-bit words (each 0–31) under <paramref name="hrp"/>.</summary>
    /// <exception cref="ArgumentException">Invalid HRP, a word above 31, or the result would exceed 90 characters.</exception>
    public static string EncodeWords(string hrp, ReadOnlySpan<byte> words)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        var hrpError = CheckHrp(hrp);
        if (hrpError is not null)
            throw new ArgumentException(hrpError, nameof(hrp));
        if (hrp.Any(char.IsAsciiLetterUpper) && hrp.Any(char.IsAsciiLetterLower))
            throw new ArgumentException("human-readable part mixes upper and lower case", nameof(hrp));
        var total = hrp.Length + 1 + words.Length + ChecksumLength;
        if (total > MaxLength)
            throw new ArgumentException($"bech32 string would be {total} characters, more than {MaxLength}", nameof(words));
        foreach (var w in words)
            if (w > 31)
                throw new ArgumentException($"word value {w} is not a 5-bit value", nameof(words));
        var lower = hrp.ToLowerInvariant();
        var chk = Polymod(lower, words, stackalloc byte[ChecksumLength]) ^ 1;
        return string.Create(total, (lower, words.ToArray(), chk), static (dst, st) =>
        {
            st.lower.CopyTo(dst);
            var i = st.lower.Length;
            dst[i++] = '1';
            foreach (var w in st.Item2) dst[i++] = Charset[w];
            for (var k = 0; k < ChecksumLength; k++)
                dst[i++] = Charset[(int)((st.chk >> (5 * (5 - k))) & 31)];
        });
    }

    /// <summary>Decodes to the lower-case HRP and 8-bit data (5-bit words regrouped, zero padding only).</summary>
    /// <exception cref="FormatException">The string is not valid bech32 or its data is not whole bytes.</exception>
    public static (string Hrp, byte[] Data) Decode(string bech32)
    {
        var (hrp, words) = DecodeWords(bech32);
        if (!TryConvertBits(words, 5, 8, pad: false, out var data))
            throw new FormatException("bech32 data does not regroup into whole bytes (non-zero or excess padding)");
        return (hrp, data);
    }

    /// <summary>Decodes to the lower-case HRP and the 5-bit data words (checksum removed).</summary>
    /// <exception cref="FormatException">The string is not valid bech32.</exception>
    public static (string Hrp, byte[] Words) DecodeWords(string bech32)
    {
        var error = TryDecodeWords(bech32, out var hrp, out var words);
        return error is null ? (hrp, words) : throw new FormatException(error);
    }

    /// <summary>Decodes to HRP and 8-bit data; false (no exception) for any invalid input.</summary>
    public static bool TryDecode(string? bech32, out string hrp, out byte[] data)
    {
        data = [];
        if (TryDecodeWords(bech32, out hrp, out var words) is not null || !TryConvertBits(words, 5, 8, pad: false, out data))
        {
            hrp = "";
            return false;
        }
        return true;
    }

    /// <summary>
    /// Regroups bit groups (8→5 to encode, 5→8 to decode). With <paramref name="pad"/> the tail is zero-padded;
    /// without, leftover bits must be fewer than <paramref name="fromBits"/> and zero.
    /// </summary>
    /// <exception cref="ArgumentException">A value does not fit in <paramref name="fromBits"/> or the padding is invalid.</exception>
    public static byte[] ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad) =>
        TryConvertBits(data, fromBits, toBits, pad, out var result)
            ? result
            : throw new ArgumentException($"cannot regroup {fromBits}-bit values into {toBits}-bit values (out of range or bad padding)", nameof(data));

    private static bool TryConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad, out byte[] result)
    {
        if (fromBits is < 1 or > 8 || toBits is < 1 or > 8)
            throw new ArgumentOutOfRangeException(nameof(fromBits), "bit group sizes must be 1..8");
        result = [];
        var outLen = pad ? (data.Length * fromBits + toBits - 1) / toBits : data.Length * fromBits / toBits;
        var output = new byte[outLen];
        int acc = 0, bits = 0, o = 0;
        var maxV = (1 << toBits) - 1;
        foreach (var value in data)
        {
            if (value >> fromBits != 0)
                return false;
            acc = ((acc << fromBits) | value) & 0xFFFF;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                output[o++] = (byte)((acc >> bits) & maxV);
            }
        }
        if (pad)
        {
            if (bits > 0)
                output[o++] = (byte)((acc << (toBits - bits)) & maxV);
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxV) != 0)
            return false;
        result = output;
        return true;
    }

    private static string? TryDecodeWords(string? s, out string hrp, out byte[] words)
    {
        hrp = "";
        words = [];
        if (s is null)
            return "bech32 string is null";
        if (s.Length > MaxLength)
            return $"bech32 string is {s.Length} characters, more than {MaxLength}";
        bool hasLower = false, hasUpper = false;
        foreach (var c in s)
        {
            if (c < 33 || c > 126)
                return $"bech32 string contains character U+{(int)c:X4} outside the printable ASCII range";
            hasLower |= char.IsAsciiLetterLower(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }
        if (hasLower && hasUpper)
            return "bech32 string mixes upper and lower case";
        var sep = s.LastIndexOf('1');
        if (sep < 0)
            return "bech32 string has no separator '1'";
        if (sep == 0)
            return "bech32 human-readable part is empty";
        if (s.Length - sep - 1 < ChecksumLength)
            return "bech32 checksum is too short";
        var lower = s.ToLowerInvariant();
        var dataPart = lower.AsSpan(sep + 1);
        var all = new byte[dataPart.Length];
        for (var i = 0; i < dataPart.Length; i++)
        {
            var v = Charset.IndexOf(dataPart[i]);
            if (v < 0)
                return $"bech32 data contains invalid character '{dataPart[i]}'";
            all[i] = (byte)v;
        }
        var prefix = lower[..sep];
        if (Polymod(prefix, all, []) != 1)
            return "bech32 checksum is invalid";
        hrp = prefix;
        words = all[..^ChecksumLength];
        return null;
    }

    private static string? CheckHrp(string hrp)
    {
        if (hrp.Length is 0)
            return "human-readable part is empty";
        if (hrp.Length > MaxLength - 7)
            return $"human-readable part is {hrp.Length} characters, at most {MaxLength - 7} allowed";
        foreach (var c in hrp)
            if (c < 33 || c > 126)
                return $"human-readable part contains character U+{(int)c:X4} outside the printable ASCII range";
        return null;
    }

    /// <summary>BIP-173 checksum polynomial over expand(hrp) ‖ words ‖ tail.</summary>
    private static uint Polymod(string hrp, ReadOnlySpan<byte> words, ReadOnlySpan<byte> tail)
    {
        uint chk = 1;
        foreach (var c in hrp) chk = Step(chk, (uint)(c >> 5));
        chk = Step(chk, 0);
        foreach (var c in hrp) chk = Step(chk, (uint)(c & 31));
        foreach (var w in words) chk = Step(chk, w);
        foreach (var w in tail) chk = Step(chk, w);
        return chk;
    }

    private static uint Step(uint chk, uint value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < 5; i++)
            if (((top >> i) & 1) != 0)
                chk ^= Generator[i];
        return chk;
    }
}
