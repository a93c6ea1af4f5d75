namespace Maci.Abci.Server;

/// <summary>Outcome of cutting one length-delimited frame off a buffer.</summary>
public enum FrameStatus
{
    /// <summary>A whole frame was available.</summary>
    Complete,

    /// <summary>The length prefix or the payload is not complete yet.</summary>
    Incomplete,

    /// <summary>The length prefix is not a valid 64-bit varint.</summary>
    LengthOverflow,

    /// <summary>The declared length exceeds the configured maximum message size.</summary>
    TooLarge,
}
