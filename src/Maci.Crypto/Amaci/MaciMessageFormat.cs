namespace Maci.Crypto.Amaci;

/// <summary>
/// The message format of a non-anonymous MACI round. <see cref="Legacy"/> is Dora's MACI contract format (amaci-protocol
/// §8): 7-element messages carrying a 6-element command whose packed element holds a salt where aMACI holds the poll id.
/// </summary>
public enum MaciMessageFormat
{
    Legacy = 0,
}
