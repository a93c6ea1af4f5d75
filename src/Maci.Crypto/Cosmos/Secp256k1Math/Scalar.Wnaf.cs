namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct Scalar
{
    /// <summary>Length of a wNAF buffer: one digit per bit of a 256-bit value plus a final carry digit.</summary>
    public const int WnafLength = 257;

    /// <summary>
    /// Width-w non-adjacent form: the value as Σ naf[i]·2^i with each non-zero digit odd and |digit| &lt; 2^(w−1),
    /// and at least w − 1 zeros after each non-zero digit. Returns the index of the top non-zero digit + 1.
    /// w is at most 8 so that digits fit an sbyte.
    /// </summary>
    public int ToWnaf(Span<sbyte> naf, int w)
    {
        if (w is < 2 or > 8)
            throw new ArgumentOutOfRangeException(nameof(w), w, "wNAF window must be in [2, 8]");
        naf[..WnafLength].Clear();
        var bit = 0;
        var carry = 0;
        var length = 0;
        while (bit < WnafLength)
        {
            if ((GetBit(bit) ? 1 : 0) == carry)
            {
                bit++;
                continue;
            }
            var word = (int)GetBits(bit, w) + carry;
            carry = (word >> (w - 1)) & 1;
            word -= carry << w;
            naf[bit] = (sbyte)word;
            length = bit + 1;
            bit += w;
        }
        return length;
    }

    /// <summary>count (≤ 32) bits starting at bit i, reading zeros above bit 255.</summary>
    public uint GetBits(int i, int count)
    {
        var limb = i >> 6;
        var shift = i & 63;
        var v = Limb(limb) >> shift;
        if (shift != 0 && shift + count > 64)
            v |= Limb(limb + 1) << (64 - shift);
        return (uint)(v & ((1UL << count) - 1));
    }
}
