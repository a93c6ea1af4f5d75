namespace Maci.Crypto.Bn254;

/// <summary>
/// Compile-time constants of a 254-bit prime field in Montgomery form (R = 2^256). Implemented by empty structs so
/// that the JIT specialises <see cref="Montgomery{TM}"/> per field and folds these into immediates.
/// </summary>
internal interface IModulus
{
    static abstract U256 Q { get; }
    /// <summary>The limbs of q as separate constants: the JIT folds these into immediates, while a U256-returning
    /// property inside a large method can exceed its inlining budget and become a call.</summary>
    static abstract ulong Q0 { get; }
    static abstract ulong Q1 { get; }
    static abstract ulong Q2 { get; }
    static abstract ulong Q3 { get; }
    /// <summary>−q⁻¹ mod 2⁶⁴.</summary>
    static abstract ulong Inv { get; }
    /// <summary>R mod q (Montgomery form of 1).</summary>
    static abstract U256 R { get; }
    static abstract U256 R2 { get; }
    static abstract U256 R3 { get; }
    /// <summary>q − 2 (Fermat inverse exponent).</summary>
    static abstract U256 QMinus2 { get; }
    /// <summary>q − 1 = 2^S · T with T odd.</summary>
    static abstract int S { get; }
    /// <summary>(T − 1) / 2.</summary>
    static abstract U256 TMinus1Over2 { get; }
    /// <summary>A non-residue raised to T, in Montgomery form (a primitive 2^S-th root of unity).</summary>
    static abstract U256 RootOfUnity { get; }
}

internal readonly struct FrModulus : IModulus
{
    public static U256 Q => new(0x43e1f593f0000001UL, 0x2833e84879b97091UL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);
    public static ulong Q0 => 0x43e1f593f0000001UL;
    public static ulong Q1 => 0x2833e84879b97091UL;
    public static ulong Q2 => 0xb85045b68181585dUL;
    public static ulong Q3 => 0x30644e72e131a029UL;
    public static ulong Inv => 0xc2e1f593efffffffUL;
    public static U256 R => new(0xac96341c4ffffffbUL, 0x36fc76959f60cd29UL, 0x666ea36f7879462eUL, 0x0e0a77c19a07df2fUL);
    public static U256 R2 => new(0x1bb8e645ae216da7UL, 0x53fe3ab1e35c59e3UL, 0x8c49833d53bb8085UL, 0x0216d0b17f4e44a5UL);
    public static U256 R3 => new(0x5e94d8e1b4bf0040UL, 0x2a489cbe1cfbb6b8UL, 0x893cc664a19fcfedUL, 0x0cf8594b7fcc657cUL);
    public static U256 QMinus2 => new(0x43e1f593efffffffUL, 0x2833e84879b97091UL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);
    public static int S => 28;
    public static U256 TMinus1Over2 => new(0xcdcb848a1f0fac9fUL, 0x0c0ac2e9419f4243UL, 0x098d014dc2822db4UL, 0x0000000183227397UL);
    // 5^T (5 generates Fr*).
    public static U256 RootOfUnity => new(0x636e735580d13d9cUL, 0xa22bf3742445ffd6UL, 0x56452ac01eb203d8UL, 0x1860ef942963f9e7UL);
}

internal readonly struct FpModulus : IModulus
{
    public static U256 Q => new(0x3c208c16d87cfd47UL, 0x97816a916871ca8dUL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);
    public static ulong Q0 => 0x3c208c16d87cfd47UL;
    public static ulong Q1 => 0x97816a916871ca8dUL;
    public static ulong Q2 => 0xb85045b68181585dUL;
    public static ulong Q3 => 0x30644e72e131a029UL;
    public static ulong Inv => 0x87d20782e4866389UL;
    public static U256 R => new(0xd35d438dc58f0d9dUL, 0x0a78eb28f5c70b3dUL, 0x666ea36f7879462cUL, 0x0e0a77c19a07df2fUL);
    public static U256 R2 => new(0xf32cfc5b538afa89UL, 0xb5e71911d44501fbUL, 0x47ab1eff0a417ff6UL, 0x06d89f71cab8351fUL);
    public static U256 R3 => new(0xb1cd6dafda1530dfUL, 0x62f210e6a7283db6UL, 0xef7f0b0c0ada0afbUL, 0x20fd6e902d592544UL);
    public static U256 QMinus2 => new(0x3c208c16d87cfd45UL, 0x97816a916871ca8dUL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);
    public static int S => 1;
    public static U256 TMinus1Over2 => new(0x4f082305b61f3f51UL, 0x65e05aa45a1c72a3UL, 0x6e14116da0605617UL, 0x0c19139cb84c680aUL);
    // 3^T (3 is a quadratic non-residue mod p).
    public static U256 RootOfUnity => new(0x68c3488912edefaaUL, 0x8d087f6872aabf4fUL, 0x51e1a24709081231UL, 0x2259d6b14729c0faUL);
}
