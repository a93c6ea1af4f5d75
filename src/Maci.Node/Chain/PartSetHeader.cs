namespace Maci.Node.Chain;

/// <summary>The header of a block's part set: how many 64 KiB parts, and the Merkle root over them.</summary>
public sealed record PartSetHeader(uint Total, byte[] Hash)
{
    public static PartSetHeader Empty { get; } = new(0, []);

    public bool IsZero => Total == 0 && Hash.Length == 0;
}
