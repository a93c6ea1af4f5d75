namespace Maci.Storage;

/// <summary>The last committed block: its height (0 before the first commit) and the app hash after it.</summary>
public sealed record CommitInfo(long Height, byte[] AppHash)
{
    public bool Equals(CommitInfo? other) =>
        other is not null && Height == other.Height && AppHash.AsSpan().SequenceEqual(other.AppHash);

    public override int GetHashCode() => HashCode.Combine(Height, AppHash.Length > 0 ? AppHash[0] : 0);

    public override string ToString() => $"{Height}/{Convert.ToHexString(AppHash)}";
}
