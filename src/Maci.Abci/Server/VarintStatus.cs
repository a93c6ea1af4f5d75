namespace Maci.Abci.Server;

/// <summary>Outcome of reading an unsigned varint.</summary>
public enum VarintStatus
{
    /// <summary>A complete varint was read.</summary>
    Ok,

    /// <summary>The input ended inside the varint; more bytes are needed.</summary>
    Incomplete,

    /// <summary>The varint does not fit in 64 bits (more than 10 bytes, or a 10th byte above 1).</summary>
    Overflow,
}
