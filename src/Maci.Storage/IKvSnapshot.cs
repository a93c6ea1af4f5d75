namespace Maci.Storage;

/// <summary>A read-only, point-in-time view of a database; later writes to the database are not visible.</summary>
public interface IKvSnapshot : IKvReader, IDisposable;
