using System.Buffers;
using System.Security.Cryptography;

namespace Maci.Sdk.Tx;

/// <summary>
/// SHA-256 of the protobuf SignDoc {body_bytes=1, auth_info_bytes=2, chain_id=3, account_number=4},
/// encoded as proto3 does (ascending fields, zero values omitted) without building the message.
/// </summary>
public static class SignDocHasher
{
    public static void Hash(ReadOnlySpan<byte> bodyBytes, ReadOnlySpan<byte> authInfoBytes, string chainId,
        ulong accountNumber, Span<byte> destination32)
    {
        var chainLen = System.Text.Encoding.UTF8.GetByteCount(chainId);
        var max = bodyBytes.Length + authInfoBytes.Length + chainLen + 64;
        var buf = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = 0;
            if (!bodyBytes.IsEmpty) n = WriteBytes(buf, n, 0x0a, bodyBytes);
            if (!authInfoBytes.IsEmpty) n = WriteBytes(buf, n, 0x12, authInfoBytes);
            if (chainLen > 0)
            {
                buf[n++] = 0x1a;
                n = WriteVarint(buf, n, (ulong)chainLen);
                n += System.Text.Encoding.UTF8.GetBytes(chainId, buf.AsSpan(n));
            }
            if (accountNumber != 0)
            {
                buf[n++] = 0x20;
                n = WriteVarint(buf, n, accountNumber);
            }
            SHA256.HashData(buf.AsSpan(0, n), destination32);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private static int WriteBytes(byte[] buf, int n, byte tag, ReadOnlySpan<byte> value)
    {
        buf[n++] = tag;
        n = WriteVarint(buf, n, (ulong)value.Length);
        value.CopyTo(buf.AsSpan(n));
        return n + value.Length;
    }

    private static int WriteVarint(byte[] buf, int n, ulong v)
    {
        while (v >= 0x80)
        {
            buf[n++] = (byte)(v | 0x80);
            v >>= 7;
        }
        buf[n++] = (byte)v;
        return n;
    }
}
