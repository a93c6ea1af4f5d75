using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>
/// The operations of a prime-field element type over <see cref="Montgomery{TM}"/>, shared by <see cref="Fp"/> and
/// <see cref="Fr"/>, whose public static methods forward here. The element is reinterpreted as its single
/// <see cref="U256"/> (guaranteed by <see cref="IMontgomeryElement{TSelf, TM}"/>), so results are written in place and
/// outputs may alias inputs.
/// </summary>
internal static partial class MontgomeryField<TSelf, TM>
    where TSelf : struct, IMontgomeryElement<TSelf, TM>
    where TM : struct, IModulus
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly U256 M(in TSelf a) => ref Unsafe.As<TSelf, U256>(ref Unsafe.AsRef(in a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TSelf Wrap(in U256 m) => Unsafe.As<U256, TSelf>(ref Unsafe.AsRef(in m));

    public static TSelf One => Wrap(TM.R);

    public static TSelf FromUInt64(ulong v)
    {
        Montgomery<TM>.ToMontgomery(new U256(v, 0, 0, 0), out var m);
        return Wrap(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in TSelf a, in TSelf b, out TSelf r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<TM>.Add(M(a), M(b), out Unsafe.As<TSelf, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in TSelf a, in TSelf b, out TSelf r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<TM>.Sub(M(a), M(b), out Unsafe.As<TSelf, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in TSelf a, in TSelf b, out TSelf r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<TM>.Mul(M(a), M(b), out Unsafe.As<TSelf, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in TSelf a, out TSelf r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<TM>.Mul(M(a), M(a), out Unsafe.As<TSelf, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in TSelf a, out TSelf r)
    {
        Montgomery<TM>.Neg(M(a), out var m);
        r = Wrap(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in TSelf a, out TSelf r)
    {
        Montgomery<TM>.Add(M(a), M(a), out var m);
        r = Wrap(m);
    }

    public static void Inverse(in TSelf a, out TSelf r)
    {
        Montgomery<TM>.Inverse(M(a), out var m);
        r = Wrap(m);
    }

    public static bool Sqrt(in TSelf a, out TSelf r)
    {
        bool ok = Montgomery<TM>.Sqrt(M(a), out var m);
        r = Wrap(m);
        return ok;
    }

    public static void Pow(in TSelf a, ReadOnlySpan<ulong> exponentLittleEndianLimbs, out TSelf r)
    {
        Montgomery<TM>.Pow(M(a), exponentLittleEndianLimbs, out var m);
        r = Wrap(m);
    }

    public static bool Equals(in TSelf a, in TSelf b) => M(a).Equals(M(b));

    public static int GetHashCode(in TSelf a)
    {
        ref readonly var m = ref M(a);
        return HashCode.Combine(m.L0, m.L1, m.L2, m.L3);
    }
}
