using System.Numerics;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>The operations of one field type that <see cref="PrimeFieldTests{T, TOps}"/> exercises.</summary>
public interface IFieldOps<T> where T : struct
{
    static abstract string ExpectedModulus { get; }
    static abstract BigInteger Modulus { get; }
    static abstract T Zero { get; }
    static abstract T One { get; }
    static abstract T FromBigInteger(BigInteger v);
    static abstract BigInteger ToBigInteger(T a);
    static abstract T FromUInt64(ulong v);
    static abstract bool IsZero(T a);
    static abstract void Add(in T a, in T b, out T r);
    static abstract void Sub(in T a, in T b, out T r);
    static abstract void Mul(in T a, in T b, out T r);
    static abstract void Square(in T a, out T r);
    static abstract void Neg(in T a, out T r);
    static abstract void Double(in T a, out T r);
    static abstract void Inverse(in T a, out T r);
    static abstract bool Sqrt(in T a, out T r);
    static abstract void Pow(in T a, ReadOnlySpan<ulong> exponent, out T r);
    /// <summary>The + − * and unary − operators and == / !=.</summary>
    static abstract T Plus(T a, T b);
    static abstract T Minus(T a, T b);
    static abstract T Times(T a, T b);
    static abstract T Negate(T a);
    static abstract bool OperatorEquals(T a, T b);
    static abstract bool OperatorNotEquals(T a, T b);
    static abstract bool TryParse(string? s, out T r);
    static abstract T Parse(string s);
    static abstract bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out T r);
    static abstract T FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes);
    static abstract void WriteBytesBigEndian(T a, Span<byte> dest);
    static abstract void ToCanonicalLimbs(T a, Span<ulong> dest);
    static abstract T FromCanonicalLimbs(ReadOnlySpan<ulong> limbs);
}
