namespace Maci.Crypto.Bn254;

/// <summary>Constants of the optimal ate pairing.</summary>
internal sealed class PairingConstants
{
    public static PairingConstants Instance { get; } = new();

    public readonly Fp TwoInv;
    public readonly Fp2 TwistB;

    private PairingConstants()
    {
        Fp.Inverse(Fp.FromUInt64(2), out TwoInv);
        TwistB = TowerConstants.Instance.TwistB;
    }

    /// <summary>
    /// 6u + 2 = 29793968203157093288 in signed binary (NAF), least significant digit first; 66 digits, the top one 1.
    /// </summary>
    public static ReadOnlySpan<sbyte> AteLoopNaf =>
    [
        0, 0, 0, 1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 0, 1, 0, -1,
        0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, -1, 0, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1, 0, 1,
    ];

    /// <summary>Lines per G2 point: 65 doublings, 21 additions for the non-zero NAF digits below the top, 2 Frobenius additions.</summary>
    public const int LineCount = 88;
}
