using System.Security.Cryptography;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>
/// ECDSA signing with RFC 6979 nonces (HMAC-SHA256) and low-s output, and fixed-base multiplication by G.
/// </summary>
/// <remarks>
/// Side channels (constant time is not a goal, cheap precautions are): k·G and d·G use a comb of 64 rows × 16
/// multiples and read every entry of a row, keeping the wanted one with a mask, so table accesses do not depend
/// on the secret, and the comb needs no doublings or secret-dependent skips. k⁻¹ is a Fermat exponentiation with
/// the public exponent n − 2 (not the variable-time binary GCD the verifier uses for s⁻¹). Not hardened: field
/// and scalar reductions branch on rare carries, and point addition branches in its degenerate cases (reached
/// only with negligible probability for secret scalars).
/// </remarks>
internal static class EcdsaSigner
{
    /// <summary>Signs a 32-byte hash into sig64 (r‖s, big-endian, low s). The key must be in [1, n − 1].</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static void Sign(in Scalar d, ReadOnlySpan<byte> hash32, Span<byte> sig64)
    {
        var e = Scalar.FromBytesReduced(hash32);
        Span<byte> key = stackalloc byte[32];
        Span<byte> v = stackalloc byte[32];
        Span<byte> buffer = stackalloc byte[32 + 1 + 32 + 32];
        Span<byte> candidate = stackalloc byte[32];
        Span<byte> mac = stackalloc byte[32];

        // RFC 6979 §3.2 b–g with int2octets(d) and bits2octets(h) = (h mod n).
        key.Clear();
        v.Fill(0x01);
        d.WriteBytes(buffer[33..65]);
        e.WriteBytes(buffer[65..97]);
        for (byte round = 0; round < 2; round++)
        {
            v.CopyTo(buffer);
            buffer[32] = round;
            Hmac(key, buffer, key, mac);
            Hmac(key, v, v, mac);
        }

        while (true)
        {
            Hmac(key, v, v, mac);
            v.CopyTo(candidate);
            if (Scalar.TryFromBytes(candidate, out var k) && !k.IsZero && TrySignWithNonce(d, e, k, sig64))
                return;
            // Step h.3: K = HMAC_K(V ‖ 0x00), V = HMAC_K(V).
            v.CopyTo(buffer);
            buffer[32] = 0;
            Hmac(key, buffer[..33], key, mac);
            Hmac(key, v, v, mac);
        }
    }

    /// <summary>dest = HMAC-SHA256(key, data) where dest may be key or data (goes through scratch).</summary>
    private static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> dest, Span<byte> scratch)
    {
        HMACSHA256.HashData(key, data, scratch);
        scratch.CopyTo(dest);
    }

    private static bool TrySignWithNonce(in Scalar d, in Scalar e, in Scalar k, Span<byte> sig64)
    {
        MulGenerator(k, out var point);
        if (!point.TryToAffine(out var affine))
            return false;
        Span<byte> xBytes = stackalloc byte[32];
        affine.X.WriteBytes(xBytes);
        var r = Scalar.FromBytesReduced(xBytes);
        if (r.IsZero)
            return false;
        Scalar.Mul(r, d, out var s);
        Scalar.Add(s, e, out s);
        Scalar.Invert(k, out var kInv);
        Scalar.Mul(s, kInv, out s);
        if (s.IsZero)
            return false;
        if (s.IsHigh)
            Scalar.Negate(s, out s);
        r.WriteBytes(sig64[..32]);
        s.WriteBytes(sig64[32..64]);
        return true;
    }

    /// <summary>k·G with the comb table: 64 mixed additions, one masked full-row lookup each.</summary>
    public static void MulGenerator(in Scalar k, out JacobianPoint result)
    {
        var comb = GeneratorTables.Comb;
        var acc = JacobianPoint.FromAffine(Lookup(comb, 0, (int)k.GetBits(0, 4)));
        for (var row = 1; row < GeneratorTables.CombRows; row++)
            JacobianPoint.AddMixed(acc, Lookup(comb, row, (int)k.GetBits(row * 4, 4)), out acc);
        JacobianPoint.AddMixed(acc, GeneratorTables.CombOffset, out result);
    }

    private static AffinePoint Lookup(AffinePoint[] comb, int row, int digit)
    {
        ulong x0 = 0, x1 = 0, x2 = 0, x3 = 0, y0 = 0, y1 = 0, y2 = 0, y3 = 0;
        var start = row * GeneratorTables.CombColumns;
        for (var j = 0; j < GeneratorTables.CombColumns; j++)
        {
            // All ones when j == digit, else zero, without a branch on the digit.
            var mask = 0UL - (ulong)((uint)((j ^ digit) - 1) >> 31);
            ref readonly var p = ref comb[start + j];
            x0 |= p.X.L0 & mask;
            x1 |= p.X.L1 & mask;
            x2 |= p.X.L2 & mask;
            x3 |= p.X.L3 & mask;
            y0 |= p.Y.L0 & mask;
            y1 |= p.Y.L1 & mask;
            y2 |= p.Y.L2 & mask;
            y3 |= p.Y.L3 & mask;
        }
        return new AffinePoint(new FieldElement(x0, x1, x2, x3), new FieldElement(y0, y1, y2, y3));
    }
}
