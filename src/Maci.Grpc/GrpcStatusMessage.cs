using System.Text;

namespace Maci.Grpc;

/// <summary>
/// The grpc-message encoding: UTF-8, then every byte outside 0x20..0x7E and every '%' as "%XX" (upper-case hex).
/// Decoding is lenient as the spec requires: a broken escape is kept as-is, never an error.
/// </summary>
public static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        if (!NeedsEncoding(message)) return message;
        var bytes = Encoding.UTF8.GetBytes(message);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%') sb.Append((char)b);
            else sb.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
        }
        return sb.ToString();
    }

    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%')) return encoded;
        var bytes = new List<byte>(encoded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length
                && HexValue(encoded[i + 1]) is var hi and >= 0 && HexValue(encoded[i + 2]) is var lo and >= 0)
            {
                bytes.Add((byte)(hi << 4 | lo));
                i += 2;
            }
            else
            {
                // Not a valid escape (or a non-ASCII char a lax peer sent raw): keep its UTF-8 bytes unchanged.
                var n = Encoding.UTF8.GetBytes(encoded.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 2 : 1), utf8);
                for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
                if (char.IsHighSurrogate(c) && i + 1 < encoded.Length) i++;
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
            if (c is < ' ' or > '~' or '%') return true;
        return false;
    }

    private static char HexDigit(int v) => (char)(v < 10 ? '0' + v : 'A' + v - 10);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
