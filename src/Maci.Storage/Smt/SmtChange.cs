namespace Maci.Storage.Smt;

/// <summary>One key of a block's writes: its key hash and the new value hash, or null for a delete.</summary>
internal readonly record struct SmtChange(byte[] KeyHash, byte[]? ValueHash);
