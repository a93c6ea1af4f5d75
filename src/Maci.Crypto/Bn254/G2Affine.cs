namespace Maci.Crypto.Bn254;

/// <summary>
/// A point of the D-type sextic twist E': y² = x³ + 3/(9 + u) over Fp2, in affine coordinates. The point at infinity is
/// (0, 0). The constructor does not validate; use <see cref="IsOnCurve"/> and <see cref="IsInSubgroup"/>.
/// </summary>
public readonly struct G2Affine : IEquatable<G2Affine>
{
    public readonly Fp2 X;
    public readonly Fp2 Y;

    public G2Affine(in Fp2 x, in Fp2 y)
    {
        X = x;
        Y = y;
    }

    public static G2Affine Infinity => default;

    /// <summary>The EIP-197 generator of G2.</summary>
    public static G2Affine Generator { get; } = new(
        new Fp2(
            Fp.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            Fp.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        new Fp2(
            Fp.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            Fp.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>True for infinity or a point on the twist (not necessarily in the order-r subgroup).</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp2.Square(Y, out var y2);
            Fp2.Square(X, out var x3);
            Fp2.Mul(x3, X, out x3);
            Fp2.Add(x3, TowerConstants.Instance.TwistB, out x3);
            return y2 == x3;
        }
    }

    /// <summary>
    /// True when the point (assumed on the twist) lies in G2, the order-r subgroup. Uses the endomorphism test of
    /// El Housni, Guillevic and Piellard (eprint 2022/352) for BN curves: Q ∈ G2 iff
    /// [u + 1]Q + ψ([u]Q) + ψ²([u]Q) = ψ³([2u]Q), which needs only a 63-bit scalar multiplication.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity) return true;
            var neg = -this;
            var naf = UNaf;
            var uq = G2Jacobian.FromAffine(this);
            for (int i = naf.Length - 2; i >= 0; i--)
            {
                G2Jacobian.Double(uq, out uq);
                if (naf[i] == 1) G2Jacobian.AddMixed(uq, this, out uq);
                else if (naf[i] == -1) G2Jacobian.AddMixed(uq, neg, out uq);
            }
            G2Jacobian.AddMixed(uq, this, out var lhs);          // [u + 1]Q
            var psiUq = G2Jacobian.Psi(uq);
            G2Jacobian.Add(lhs, psiUq, out lhs);                  // + ψ([u]Q)
            G2Jacobian.Add(lhs, G2Jacobian.Psi(psiUq), out lhs);  // + ψ²([u]Q)
            G2Jacobian.Double(uq, out var rhs);
            rhs = G2Jacobian.Psi(G2Jacobian.Psi(G2Jacobian.Psi(rhs))); // ψ³([2u]Q)
            return G2Jacobian.PointEquals(lhs, rhs);
        }
    }

    /// <summary>u = 0x44e992b44a6909f1 in non-adjacent form, least significant digit first.</summary>
    private static ReadOnlySpan<sbyte> UNaf =>
    [
        1, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, -1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, -1,
        0, -1, 0, -1, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, 0, 0, 1,
    ];

    /// <summary>The twisted Frobenius endomorphism ψ = untwist ∘ Frobenius ∘ twist.</summary>
    public static G2Affine Psi(in G2Affine q)
    {
        if (q.IsInfinity) return q;
        var c = TowerConstants.Instance;
        Fp2.Conjugate(q.X, out var x);
        Fp2.Conjugate(q.Y, out var y);
        Fp2.Mul(x, c.PsiX, out x);
        Fp2.Mul(y, c.PsiY, out y);
        return new G2Affine(x, y);
    }

    /// <summary>ψ² (no conjugation: p² acts trivially on Fp2).</summary>
    public static G2Affine Psi2(in G2Affine q)
    {
        if (q.IsInfinity) return q;
        var c = TowerConstants.Instance;
        Fp2.Mul(q.X, c.Psi2X, out var x);
        Fp2.Mul(q.Y, c.Psi2Y, out var y);
        return new G2Affine(x, y);
    }

    public static G2Affine operator -(G2Affine a) => a.IsInfinity ? a : new G2Affine(a.X, -a.Y);

    public static bool operator ==(G2Affine a, G2Affine b) => a.Equals(b);

    public static bool operator !=(G2Affine a, G2Affine b) => !a.Equals(b);

    public bool Equals(G2Affine other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is G2Affine o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "G2(infinity)" : $"G2({X}, {Y})";
}
