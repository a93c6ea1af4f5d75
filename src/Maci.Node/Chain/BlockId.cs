namespace Maci.Node.Chain;

/// <summary>A block identifier: the header hash plus the part set header.</summary>
public sealed record BlockId(byte[] Hash, PartSetHeader PartSetHeader)
{
    /// <summary>The zero block id, used as LastBlockID at the initial height.</summary>
    public static BlockId Empty { get; } = new([], PartSetHeader.Empty);

    public bool IsZero => Hash.Length == 0 && PartSetHeader.IsZero;
}
