namespace Maci.Crypto.Bn254;

/// <summary>
/// A point of E: y² = x³ + 3 over Fp in affine coordinates. The point at infinity is (0, 0), which is not on the
/// curve, matching the all-zero EVM encoding. The constructor does not validate; use <see cref="IsOnCurve"/>.
/// </summary>
public readonly struct G1Affine : IEquatable<G1Affine>
{
    public readonly Fp X;
    public readonly Fp Y;

    public G1Affine(in Fp x, in Fp y)
    {
        X = x;
        Y = y;
    }

    public static G1Affine Infinity => default;

    /// <summary>The generator (1, 2).</summary>
    public static G1Affine Generator => new(Fp.One, Fp.FromUInt64(2));

    internal static Fp CurveB => Fp.FromUInt64(3);

    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>True for infinity or a point satisfying the curve equation (G1 has cofactor 1, so this is also the subgroup check).</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp.Square(Y, out var y2);
            Fp.Square(X, out var x3);
            Fp.Mul(x3, X, out x3);
            Fp.Add(x3, CurveB, out x3);
            return y2 == x3;
        }
    }

    public static G1Affine operator -(G1Affine a) => a.IsInfinity ? a : new G1Affine(a.X, -a.Y);

    public static bool operator ==(G1Affine a, G1Affine b) => a.Equals(b);

    public static bool operator !=(G1Affine a, G1Affine b) => !a.Equals(b);

    public bool Equals(G1Affine other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is G1Affine o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "G1(infinity)" : $"G1({X}, {Y})";
}
