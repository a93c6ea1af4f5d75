using System.Numerics;
using Maci.Crypto.Bn254;
using M = Maci.Crypto.Bn254.Montgomery<Maci.Crypto.Bn254.FrModulus>;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>
/// The Poseidon kernels on raw Montgomery limbs against BigInteger: lazy multiplication and squaring on operands up
/// to 2q − 1 (their documented range), and unrolled sums of products for every term count up to nine.
/// </summary>
public class MontgomeryKernelTests
{
    private static readonly BigInteger Q = Fr.Modulus;
    private static readonly BigInteger RInv = BigInteger.ModPow(BigInteger.One << 256, Q - 2, Q);

    private static BigInteger Big(in U256 v) => FieldEncoding.ToBigInteger(v);

    private static U256 Limbs(BigInteger v) => FieldEncoding.FromBigInteger(v);

    private static List<BigInteger> OperandsBelowTwoQ()
    {
        var rng = new RandomValues(77);
        var list = new List<BigInteger> { 0, 1, Q - 1, Q, Q + 1, 2 * Q - 1, (BigInteger.One << 254) - 1, (BigInteger.One << 253) + 12345 };
        for (var i = 0; i < 40; i++) list.Add(rng.Below(2 * Q));
        return list;
    }

    [Fact]
    public void UnreducedMultiplicationAndSquaringStayBelowTwoQAndAreCorrectModQ()
    {
        var xs = OperandsBelowTwoQ();
        foreach (var a in xs)
        {
            M.SquareUnreduced(Limbs(a), out var sq);
            Assert.True(Big(sq) < 2 * Q, $"square of {a} left [0, 2q)");
            Assert.Equal(a * a * RInv % Q, Big(sq) % Q);
            foreach (var b in xs.Take(12))
            {
                M.MulUnreduced(Limbs(a), Limbs(b), out var lazy);
                Assert.True(Big(lazy) < 2 * Q, $"{a}·{b} left [0, 2q)");
                Assert.Equal(a * b * RInv % Q, Big(lazy) % Q);
                M.Mul(Limbs(a), Limbs(b), out var full);
                Assert.Equal(a * b * RInv % Q, Big(full));
            }
        }
    }

    [Fact]
    public void UnrolledSumsOfProductsMatchBigIntegerForEveryTermCount()
    {
        var rng = new RandomValues(99);
        for (var round = 0; round < 30; round++)
        {
            // Round 0: every operand q − 1 (the largest sum); then random reduced operands.
            var a = new U256[9];
            var b = new U256[9];
            var av = new BigInteger[9];
            var bv = new BigInteger[9];
            for (var k = 0; k < 9; k++)
            {
                av[k] = round == 0 ? Q - 1 : rng.Below(Q);
                bv[k] = round == 0 ? Q - 1 : rng.Below(Q);
                a[k] = Limbs(av[k]);
                b[k] = Limbs(bv[k]);
            }
            for (var n = 2; n <= 9; n++)
            {
                BigInteger sum = 0;
                for (var k = 0; k < n; k++) sum += av[k] * bv[k];
                var got = n switch
                {
                    2 => Dot<Terms2>(a, b), 3 => Dot<Terms3>(a, b), 4 => Dot<Terms4>(a, b), 5 => Dot<Terms5>(a, b),
                    6 => Dot<Terms6>(a, b), 7 => Dot<Terms7>(a, b), 8 => Dot<Terms8>(a, b), _ => Dot<Terms9>(a, b),
                };
                Assert.Equal(sum * RInv % Q, Big(got));
            }
        }
    }

    private static U256 Dot<TN>(U256[] a, U256[] b) where TN : struct, ITermCount
    {
        M.Dot<TN>(ref a[0], ref b[0], out var r);
        return r;
    }
}
