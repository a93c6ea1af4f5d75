using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>
/// An affine Baby Jubjub point (x, y). Construction does not check the curve equation: points from outside go
/// through <see cref="IsOnCurve"/> (and <see cref="IsInPrimeSubgroup"/> where the protocol needs it) or
/// <see cref="TryUnpack"/>. Group operations work internally in extended coordinates and allocate nothing.
/// </summary>
public readonly partial struct BabyJubjubPoint : IEquatable<BabyJubjubPoint>
{
    public BabyJubjubPoint(Fr x, Fr y)
    {
        X = x;
        Y = y;
    }

    public Fr X { get; }

    public Fr Y { get; }

    /// <summary>The neutral element (0, 1).</summary>
    public static BabyJubjubPoint Identity => new(Fr.Zero, Fr.One);

    /// <summary>The generator of the order-8l group used by circomlib (EIP-2494 G).</summary>
    public static BabyJubjubPoint Generator { get; } = new(
        Fr.Parse("995203441582195749578291179787384436505546430278305826713579947235728471134"),
        Fr.Parse("5472060717959818805561601436314318772137091100104008585924551046643952123905"));

    /// <summary>Base8 = 8·G, the generator of the prime subgroup used by EdDSA-Poseidon.</summary>
    public static BabyJubjubPoint Base8 { get; } = new(
        Fr.Parse("5299619240641551281634865583518297030282874472190772894086521144482721001553"),
        Fr.Parse("16950150798460657717958625567821834550301663161624707787222815936182638968203"));

    public bool IsIdentity => X.IsZero && Y == Fr.One;

    /// <summary>a·x² + y² = 1 + d·x²·y².</summary>
    public bool IsOnCurve
    {
        get
        {
            Fr.Square(X, out var x2);
            Fr.Square(Y, out var y2);
            Fr.Mul(x2, BabyJubjubCurve.AField, out var lhs);
            Fr.Add(lhs, y2, out lhs);
            Fr.Mul(x2, y2, out var rhs);
            Fr.Mul(rhs, BabyJubjubCurve.DField, out rhs);
            Fr.Add(rhs, Fr.One, out rhs);
            return lhs == rhs;
        }
    }

    /// <summary>On the curve and of order dividing l (l·P = O).</summary>
    public bool IsInPrimeSubgroup
    {
        get
        {
            if (!IsOnCurve) return false;
            ExtendedPoint.Multiply(ExtendedPoint.FromAffine(this), BabyJubjubCurve.SubgroupOrderLimbs, out var r);
            return r.IsIdentity;
        }
    }

    public static BabyJubjubPoint Add(in BabyJubjubPoint p, in BabyJubjubPoint q)
    {
        ExtendedPoint.Add(ExtendedPoint.FromAffine(p), ExtendedPoint.FromAffine(q), out var r);
        return r.ToAffine();
    }

    public static BabyJubjubPoint Double(in BabyJubjubPoint p)
    {
        ExtendedPoint.Double(ExtendedPoint.FromAffine(p), out var r);
        return r.ToAffine();
    }

    public static BabyJubjubPoint Negate(in BabyJubjubPoint p) => new(-p.X, p.Y);

    /// <summary>[k]P for the canonical integer value of <paramref name="scalar"/> (not reduced modulo l).</summary>
    public static BabyJubjubPoint Multiply(in BabyJubjubPoint p, in Fr scalar)
    {
        ExtendedPoint.Multiply(ExtendedPoint.FromAffine(p), FrBits.Canonical(scalar), out var r);
        return r.ToAffine();
    }

    /// <summary>[k]P for an integer k below 2^256 given as four little-endian 64-bit limbs.</summary>
    public static BabyJubjubPoint Multiply(in BabyJubjubPoint p, ReadOnlySpan<ulong> scalarLimbs)
    {
        if (scalarLimbs.Length != 4) throw new ArgumentException("a scalar is four 64-bit limbs", nameof(scalarLimbs));
        var k = new U256(scalarLimbs[0], scalarLimbs[1], scalarLimbs[2], scalarLimbs[3]);
        ExtendedPoint.Multiply(ExtendedPoint.FromAffine(p), k, out var r);
        return r.ToAffine();
    }

    public static BabyJubjubPoint operator +(BabyJubjubPoint p, BabyJubjubPoint q) => Add(p, q);

    public static BabyJubjubPoint operator -(BabyJubjubPoint p) => Negate(p);

    public static bool operator ==(BabyJubjubPoint p, BabyJubjubPoint q) => p.Equals(q);

    public static bool operator !=(BabyJubjubPoint p, BabyJubjubPoint q) => !p.Equals(q);

    public bool Equals(BabyJubjubPoint other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is BabyJubjubPoint other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => $"({X}, {Y})";
}
