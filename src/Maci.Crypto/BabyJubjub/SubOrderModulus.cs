using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>
/// Montgomery constants for l = 2736030358979909402780800718157159386076813972158567259200215660948447373041, the
/// order of Baby Jubjub's prime subgroup (EdDSA scalars live modulo l).
/// </summary>
internal readonly struct SubOrderModulus : IModulus
{
    public static U256 Q => new(0x677297dc392126f1UL, 0xab3eedb83920ee0aUL, 0x370a08b6d0302b0bUL, 0x060c89ce5c263405UL);
    public static ulong Q0 => 0x677297dc392126f1UL;
    public static ulong Q1 => 0xab3eedb83920ee0aUL;
    public static ulong Q2 => 0x370a08b6d0302b0bUL;
    public static ulong Q3 => 0x060c89ce5c263405UL;
    public static ulong Inv => 0x532ce5aebc48f5efUL;
    public static U256 R => new(0x073315dea08f9c76UL, 0xe7acffc6a098f24bUL, 0xf85a9201d818f015UL, 0x01f16424e1bb7724UL);
    public static U256 R2 => new(0x35e44abee7ecb21eUL, 0x74646cacf5f84ec4UL, 0xe472df203faa158fUL, 0x0445b524f1ba50a8UL);
    public static U256 R3 => new(0x30886e7b42917c21UL, 0x98dae87b55d7cd2aUL, 0xeefe3d08cc608b7bUL, 0x02b4dbffb2bc97aaUL);
    public static U256 QMinus2 => new(0x677297dc392126efUL, 0xab3eedb83920ee0aUL, 0x370a08b6d0302b0bUL, 0x060c89ce5c263405UL);
    public static int S => 4;
    public static U256 TMinus1Over2 => new(0x533b94bee1c90937UL, 0x5d59f76dc1c90770UL, 0x29b85045b6818158UL, 0x0030644e72e131a0UL);
    // 19^T in Montgomery form (19 is the least quadratic non-residue mod l).
    public static U256 RootOfUnity => new(0x2fb01b009b1974efUL, 0x723c0b735eb3e91aUL, 0x341f16b7f0533decUL, 0x04edaec309cf7bc1UL);
}
