using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// Parameters of one Poseidon width t: round constants ((R_F + R_P)·t, round-major) and the t×t MDS matrix
/// (row-major). The partial rounds use the sparse factorisation of the MDS matrix (Poseidon paper, appendix B),
/// computed here from the same numbers so that only the constants in the generated file are taken as given.
/// </summary>
internal sealed class PoseidonParameters
{
    public PoseidonParameters(int width, int partialRounds, Fr[] roundConstants, Fr[] mds)
    {
        if (roundConstants.Length != (PoseidonConstants.FullRounds + partialRounds) * width || mds.Length != width * width)
            throw new ArgumentException($"Poseidon tables for t={width} have the wrong size");
        Width = width;
        PartialRounds = partialRounds;
        RoundConstants = roundConstants;
        Mds = mds;
    }

    public int Width { get; }

    public int PartialRounds { get; }

    public Fr[] RoundConstants { get; }

    public Fr[] Mds { get; }
}
