namespace Maci.Node.Chain;

/// <summary>How a validator's signature in a commit relates to the committed block.</summary>
public enum BlockIdFlag
{
    Unknown = 0,
    Absent = 1,
    Commit = 2,
    Nil = 3,
}
