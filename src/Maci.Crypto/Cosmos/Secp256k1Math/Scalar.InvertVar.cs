using static Maci.Crypto.Cosmos.Secp256k1Math.FieldElement;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct Scalar
{
    /// <summary>
    /// a^−1 mod n (0 for a = 0) by the binary extended Euclidean algorithm. Variable time: for public inputs
    /// only (the s of a signature being verified); the signer uses <see cref="Invert"/>.
    /// </summary>
    public static void InvertVar(in Scalar a, out Scalar r)
    {
        if (a.IsZero)
        {
            r = a;
            return;
        }
        // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = gcd(a, n) = 1.
        var u = new Limbs(a.L0, a.L1, a.L2, a.L3);
        var v = new Limbs(N0, N1, N2, N3);
        var x1 = new Limbs(1, 0, 0, 0);
        var x2 = default(Limbs);
        while (true)
        {
            if (u.IsOne)
            {
                r = x1.ToScalar();
                return;
            }
            if (v.IsOne)
            {
                r = x2.ToScalar();
                return;
            }
            while ((u.L0 & 1) == 0)
            {
                u.ShiftRight1(0);
                x1.HalveModN();
            }
            while ((v.L0 & 1) == 0)
            {
                v.ShiftRight1(0);
                x2.HalveModN();
            }
            if (u.GreaterOrEqual(v))
            {
                u.Sub(v);
                x1.SubModN(x2);
            }
            else
            {
                v.Sub(u);
                x2.SubModN(x1);
            }
        }
    }

    /// <summary>A mutable 256-bit working value for <see cref="InvertVar"/>.</summary>
    private struct Limbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        public ulong L0 = l0, L1 = l1, L2 = l2, L3 = l3;

        public readonly bool IsOne => L0 == 1 && (L1 | L2 | L3) == 0;

        public readonly Scalar ToScalar() => new(L0, L1, L2, L3);

        public void ShiftRight1(ulong topBit)
        {
            L0 = (L0 >> 1) | (L1 << 63);
            L1 = (L1 >> 1) | (L2 << 63);
            L2 = (L2 >> 1) | (L3 << 63);
            L3 = (L3 >> 1) | (topBit << 63);
        }

        /// <summary>x/2 mod n: (x + n)/2 when x is odd, with the 257th bit shifted back in.</summary>
        public void HalveModN()
        {
            if ((L0 & 1) == 0)
            {
                ShiftRight1(0);
                return;
            }
            ulong carry = 0;
            L0 = AddCarry(L0, N0, ref carry);
            L1 = AddCarry(L1, N1, ref carry);
            L2 = AddCarry(L2, N2, ref carry);
            L3 = AddCarry(L3, N3, ref carry);
            ShiftRight1(carry);
        }

        public readonly bool GreaterOrEqual(in Limbs o)
        {
            if (L3 != o.L3) return L3 > o.L3;
            if (L2 != o.L2) return L2 > o.L2;
            if (L1 != o.L1) return L1 > o.L1;
            return L0 >= o.L0;
        }

        public void Sub(in Limbs o)
        {
            ulong borrow = 0;
            L0 = SubBorrow(L0, o.L0, ref borrow);
            L1 = SubBorrow(L1, o.L1, ref borrow);
            L2 = SubBorrow(L2, o.L2, ref borrow);
            L3 = SubBorrow(L3, o.L3, ref borrow);
        }

        /// <summary>this − o mod n for both in [0, n).</summary>
        public void SubModN(in Limbs o)
        {
            ulong borrow = 0;
            L0 = SubBorrow(L0, o.L0, ref borrow);
            L1 = SubBorrow(L1, o.L1, ref borrow);
            L2 = SubBorrow(L2, o.L2, ref borrow);
            L3 = SubBorrow(L3, o.L3, ref borrow);
            if (borrow == 0)
                return;
            ulong carry = 0;
            L0 = AddCarry(L0, N0, ref carry);
            L1 = AddCarry(L1, N1, ref carry);
            L2 = AddCarry(L2, N2, ref carry);
            L3 = AddCarry(L3, N3, ref carry);
        }
    }
}
