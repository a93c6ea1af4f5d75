namespace Maci.Crypto.Bn254;

/// <summary>
/// The Miller-loop accumulator T in homogeneous projective coordinates (x = X/Z, y = Y/Z), with the line-producing
/// doubling and mixed-addition steps of Costello–Lange–Naehrig as arranged by Aranha et al. (eprint 2010/526).
/// </summary>
internal struct G2Projective
{
    public Fp2 X, Y, Z;

    public G2Projective(in G2Affine q)
    {
        X = q.X;
        Y = q.Y;
        Z = Fp2.One;
    }

    /// <summary>T ← 2T; returns the tangent line at T: (−2YZ, 3X², 3b'Z² − Y²).</summary>
    public void DoublingStep(out LineCoeffs line)
    {
        var c = PairingConstants.Instance;
        Fp2.Mul(X, Y, out var a);
        Fp2.MulByFp(a, c.TwoInv, out a);      // XY/2
        Fp2.Square(Y, out var b);              // Y²
        Fp2.Square(Z, out var cc);             // Z²
        Fp2.Double(cc, out var e);
        Fp2.Add(e, cc, out e);
        Fp2.Mul(e, c.TwistB, out e);           // 3b'Z²
        Fp2.Double(e, out var f);
        Fp2.Add(f, e, out f);                  // 3E
        Fp2.Add(b, f, out var g);
        Fp2.MulByFp(g, c.TwoInv, out g);       // (B + F)/2
        Fp2.Add(Y, Z, out var h);
        Fp2.Square(h, out h);
        Fp2.Sub(h, b, out h);
        Fp2.Sub(h, cc, out h);                 // 2YZ
        Fp2.Sub(e, b, out var lineC);          // E − B
        Fp2.Square(X, out var x2);
        Fp2.Double(x2, out var lineB);
        Fp2.Add(lineB, x2, out lineB);         // 3X²
        Fp2.Neg(h, out var lineA);             // −H

        Fp2.Sub(b, f, out var x3);
        Fp2.Mul(x3, a, out X);                 // A(B − F)
        Fp2.Square(g, out var y3);
        Fp2.Square(e, out var e2);
        Fp2.Double(e2, out var e2x3);
        Fp2.Add(e2x3, e2, out e2x3);
        Fp2.Sub(y3, e2x3, out Y);              // G² − 3E²
        Fp2.Mul(b, h, out Z);                  // B·H
        line = new LineCoeffs(lineA, lineB, lineC);
    }

    /// <summary>T ← T + Q for affine Q; returns the chord through T and Q: (λ, −θ, θ·x2 − λ·y2).</summary>
    public void AdditionStep(in G2Affine q, out LineCoeffs line)
    {
        Fp2.Mul(q.Y, Z, out var theta);
        Fp2.Sub(Y, theta, out theta);          // θ = Y − y2·Z
        Fp2.Mul(q.X, Z, out var lambda);
        Fp2.Sub(X, lambda, out lambda);        // λ = X − x2·Z
        Fp2.Square(theta, out var c);
        Fp2.Square(lambda, out var d);
        Fp2.Mul(d, lambda, out var e);
        Fp2.Mul(Z, c, out var f);
        Fp2.Mul(X, d, out var g);
        Fp2.Add(e, f, out var h);
        Fp2.Double(g, out var g2);
        Fp2.Sub(h, g2, out h);

        Fp2.Mul(theta, q.X, out var t1);
        Fp2.Mul(lambda, q.Y, out var t2);
        Fp2.Sub(t1, t2, out var lineC);
        Fp2.Neg(theta, out var lineB);

        Fp2.Mul(lambda, h, out var x3);
        Fp2.Sub(g, h, out var y3);
        Fp2.Mul(theta, y3, out y3);
        Fp2.Mul(Y, e, out var ye);
        Fp2.Sub(y3, ye, out Y);
        Fp2.Mul(Z, e, out Z);
        X = x3;
        line = new LineCoeffs(lambda, lineB, lineC);
    }
}
