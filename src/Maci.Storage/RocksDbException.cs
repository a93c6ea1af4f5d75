namespace Maci.Storage;

/// <summary>An error reported by RocksDB (I/O failure, corruption, a locked or missing database, ...).</summary>
public sealed class RocksDbException(string message) : Exception(message);
