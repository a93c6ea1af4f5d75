namespace Maci.Crypto.Bn254;

/// <summary>
/// The field operations the generic curve formulas need. Implemented by <see cref="Fp"/> and <see cref="Fp2"/> with
/// their existing static methods; generic code constrained to a struct <typeparamref name="T"/> is specialised per
/// type by the JIT, so the calls are direct (and inlined where the implementation allows).
/// </summary>
internal interface IFieldElement<T> : IEquatable<T> where T : struct, IFieldElement<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    bool IsZero { get; }

    static abstract void Add(in T a, in T b, out T r);

    static abstract void Sub(in T a, in T b, out T r);

    static abstract void Mul(in T a, in T b, out T r);

    static abstract void Square(in T a, out T r);

    static abstract void Double(in T a, out T r);

    static abstract void Neg(in T a, out T r);

    static abstract void Inverse(in T a, out T r);
}
