using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Adapts <see cref="Fr"/> to <see cref="IFieldOps{T}"/>.</summary>
public readonly struct FrOps : IFieldOps<Fr>
{
    public static string ExpectedModulus => "21888242871839275222246405745257275088548364400416034343698204186575808495617";
    public static BigInteger Modulus => Fr.Modulus;
    public static Fr Zero => Fr.Zero;
    public static Fr One => Fr.One;
    public static Fr FromBigInteger(BigInteger v) => Fr.FromBigInteger(v);
    public static BigInteger ToBigInteger(Fr a) => a.ToBigInteger();
    public static Fr FromUInt64(ulong v) => Fr.FromUInt64(v);
    public static bool IsZero(Fr a) => a.IsZero;
    public static void Add(in Fr a, in Fr b, out Fr r) => Fr.Add(a, b, out r);
    public static void Sub(in Fr a, in Fr b, out Fr r) => Fr.Sub(a, b, out r);
    public static void Mul(in Fr a, in Fr b, out Fr r) => Fr.Mul(a, b, out r);
    public static void Square(in Fr a, out Fr r) => Fr.Square(a, out r);
    public static void Neg(in Fr a, out Fr r) => Fr.Neg(a, out r);
    public static void Double(in Fr a, out Fr r) => Fr.Double(a, out r);
    public static void Inverse(in Fr a, out Fr r) => Fr.Inverse(a, out r);
    public static bool Sqrt(in Fr a, out Fr r) => Fr.Sqrt(a, out r);
    public static void Pow(in Fr a, ReadOnlySpan<ulong> exponent, out Fr r) => Fr.Pow(a, exponent, out r);
    public static Fr Plus(Fr a, Fr b) => a + b;
    public static Fr Minus(Fr a, Fr b) => a - b;
    public static Fr Times(Fr a, Fr b) => a * b;
    public static Fr Negate(Fr a) => -a;
    public static bool OperatorEquals(Fr a, Fr b) => a == b;
    public static bool OperatorNotEquals(Fr a, Fr b) => a != b;
    public static bool TryParse(string? s, out Fr r) => Fr.TryParse(s, out r);
    public static Fr Parse(string s) => Fr.Parse(s);
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out Fr r) => Fr.TryFromBytesBigEndian(bytes, out r);
    public static Fr FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes) => Fr.FromBytesBigEndianReduced(bytes);
    public static void WriteBytesBigEndian(Fr a, Span<byte> dest) => a.WriteBytesBigEndian(dest);
    public static void ToCanonicalLimbs(Fr a, Span<ulong> dest) => a.ToCanonicalLimbs(dest);
    public static Fr FromCanonicalLimbs(ReadOnlySpan<ulong> limbs) => Fr.FromCanonicalLimbs(limbs);
}
