using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Maci.Crypto.Blake;

/// <summary>
/// BLAKE-512: the SHA-3 finalist BLAKE (version 1, 16 rounds, 64-bit words), not BLAKE2b. circomlib and
/// @zk-kit/eddsa-poseidon use it to expand EdDSA private keys and to derive signing nonces.
/// </summary>
[SkipLocalsInit]
public static class Blake512
{
    public const int HashSize = 64;
    private const int BlockSize = 128;

    private static ReadOnlySpan<ulong> Iv =>
    [
        0x6A09E667F3BCC908, 0xBB67AE8584CAA73B, 0x3C6EF372FE94F82B, 0xA54FF53A5F1D36F1,
        0x510E527FADE682D1, 0x9B05688C2B3E6C1F, 0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179,
    ];

    // The first 1024 bits of the fractional part of pi.
    private static ReadOnlySpan<ulong> Pi =>
    [
        0x243F6A8885A308D3, 0x13198A2E03707344, 0xA4093822299F31D0, 0x082EFA98EC4E6C89,
        0x452821E638D01377, 0xBE5466CF34E90C6C, 0xC0AC29B7C97C50DD, 0x3F84D5B5B5470917,
        0x9216D5D98979FB1B, 0xD1310BA698DFB5AC, 0x2FFD72DBD01ADFB7, 0xB8E1AFED6A267E96,
        0xBA7C9045F12C7F99, 0x24A19947B3916CF7, 0x0801F2E2858EFC16, 0x636920D871574E69,
    ];

    // The ten message permutations; round r uses row r mod 10.
    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    /// <summary>Hashes <paramref name="data"/> into the 64-byte <paramref name="output"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < HashSize)
            throw new ArgumentException($"BLAKE-512 output needs {HashSize} bytes, got {output.Length}", nameof(output));

        Span<ulong> h = stackalloc ulong[8];
        Iv.CopyTo(h);
        var totalBits = (UInt128)(ulong)data.Length * 8;

        UInt128 counter = 0;
        while (data.Length >= BlockSize)
        {
            counter += BlockSize * 8;
            Compress(h, data[..BlockSize], counter);
            data = data[BlockSize..];
        }

        // Padding: 0x80, zeros, a final 1 bit just before the 128-bit big-endian length. A block that carries
        // no message bits is compressed with a zero counter.
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear();
        data.CopyTo(block);
        block[data.Length] = 0x80;
        var tailCounter = data.Length == 0 ? 0 : totalBits;
        if (data.Length > BlockSize - 17)
        {
            Compress(h, block, tailCounter);
            block.Clear();
            tailCounter = 0;
        }
        block[BlockSize - 17] |= 0x01;
        BinaryPrimitives.WriteUInt64BigEndian(block[112..], (ulong)(totalBits >> 64));
        BinaryPrimitives.WriteUInt64BigEndian(block[120..], (ulong)totalBits);
        Compress(h, block, tailCounter);

        for (var i = 0; i < 8; i++)
            BinaryPrimitives.WriteUInt64BigEndian(output[(8 * i)..], h[i]);
    }

    private static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, UInt128 counter)
    {
        Span<ulong> m = stackalloc ulong[16];
        for (var i = 0; i < 16; i++)
            m[i] = BinaryPrimitives.ReadUInt64BigEndian(block[(8 * i)..]);

        var t0 = (ulong)counter;
        var t1 = (ulong)(counter >> 64);
        Span<ulong> v = stackalloc ulong[16];
        h.CopyTo(v);
        var c = Pi;
        v[8] = c[0];
        v[9] = c[1];
        v[10] = c[2];
        v[11] = c[3];
        v[12] = t0 ^ c[4];
        v[13] = t0 ^ c[5];
        v[14] = t1 ^ c[6];
        v[15] = t1 ^ c[7];

        for (var round = 0; round < 16; round++)
        {
            var s = Sigma.Slice(16 * (round % 10), 16);
            G(v, m, s, 0, 4, 8, 12, 0);
            G(v, m, s, 1, 5, 9, 13, 2);
            G(v, m, s, 2, 6, 10, 14, 4);
            G(v, m, s, 3, 7, 11, 15, 6);
            G(v, m, s, 0, 5, 10, 15, 8);
            G(v, m, s, 1, 6, 11, 12, 10);
            G(v, m, s, 2, 7, 8, 13, 12);
            G(v, m, s, 3, 4, 9, 14, 14);
        }

        // The salt is zero, so finalisation folds in only the two halves of v.
        for (var i = 0; i < 8; i++)
            h[i] ^= v[i] ^ v[i + 8];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(Span<ulong> v, ReadOnlySpan<ulong> m, ReadOnlySpan<byte> s, int a, int b, int c, int d, int i)
    {
        var pi = Pi;
        v[a] += v[b] + (m[s[i]] ^ pi[s[i + 1]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 25);
        v[a] += v[b] + (m[s[i + 1]] ^ pi[s[i]]);
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] += v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 11);
    }
}
