namespace Maci.Crypto.Amaci;

/// <summary>
/// The message format of a non-anonymous MACI round. <see cref="Legacy"/> is Dora's earlier MACI contract format
/// (amaci-protocol §8): 7-element messages carrying a 6-element command whose packed element holds a salt where aMACI
/// holds the poll id. <see cref="PollId"/> is the current contract's: the aMACI message layout (10 elements, the poll id
/// packed into the command), with the MACI chain and state rules.
/// </summary>
public enum MaciMessageFormat
{
    Legacy = 0,
    PollId = 1,
}
