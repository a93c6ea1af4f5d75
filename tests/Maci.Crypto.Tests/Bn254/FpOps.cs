using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Adapts <see cref="Fp"/> to <see cref="IFieldOps{T}"/>.</summary>
public readonly struct FpOps : IFieldOps<Fp>
{
    public static string ExpectedModulus => "21888242871839275222246405745257275088696311157297823662689037894645226208583";
    public static BigInteger Modulus => Fp.Modulus;
    public static Fp Zero => Fp.Zero;
    public static Fp One => Fp.One;
    public static Fp FromBigInteger(BigInteger v) => Fp.FromBigInteger(v);
    public static BigInteger ToBigInteger(Fp a) => a.ToBigInteger();
    public static Fp FromUInt64(ulong v) => Fp.FromUInt64(v);
    public static bool IsZero(Fp a) => a.IsZero;
    public static void Add(in Fp a, in Fp b, out Fp r) => Fp.Add(a, b, out r);
    public static void Sub(in Fp a, in Fp b, out Fp r) => Fp.Sub(a, b, out r);
    public static void Mul(in Fp a, in Fp b, out Fp r) => Fp.Mul(a, b, out r);
    public static void Square(in Fp a, out Fp r) => Fp.Square(a, out r);
    public static void Neg(in Fp a, out Fp r) => Fp.Neg(a, out r);
    public static void Double(in Fp a, out Fp r) => Fp.Double(a, out r);
    public static void Inverse(in Fp a, out Fp r) => Fp.Inverse(a, out r);
    public static bool Sqrt(in Fp a, out Fp r) => Fp.Sqrt(a, out r);
    public static void Pow(in Fp a, ReadOnlySpan<ulong> exponent, out Fp r) => Fp.Pow(a, exponent, out r);
    public static Fp Plus(Fp a, Fp b) => a + b;
    public static Fp Minus(Fp a, Fp b) => a - b;
    public static Fp Times(Fp a, Fp b) => a * b;
    public static Fp Negate(Fp a) => -a;
    public static bool OperatorEquals(Fp a, Fp b) => a == b;
    public static bool OperatorNotEquals(Fp a, Fp b) => a != b;
    public static bool TryParse(string? s, out Fp r) => Fp.TryParse(s, out r);
    public static Fp Parse(string s) => Fp.Parse(s);
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out Fp r) => Fp.TryFromBytesBigEndian(bytes, out r);
    public static Fp FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes) => Fp.FromBytesBigEndianReduced(bytes);
    public static void WriteBytesBigEndian(Fp a, Span<byte> dest) => a.WriteBytesBigEndian(dest);
    public static void ToCanonicalLimbs(Fp a, Span<ulong> dest) => a.ToCanonicalLimbs(dest);
    public static Fp FromCanonicalLimbs(ReadOnlySpan<ulong> limbs) => Fp.FromCanonicalLimbs(limbs);
}
