using System.Runtime.InteropServices;

namespace Maci.Storage.Native;

/// <summary>
/// Keeps up to two handles referenced for a span of native calls that outlives a single P/Invoke (a pinned
/// slice that points into the database's memory, a read through options that name a snapshot), so a
/// concurrent Dispose defers the native release until the lease ends instead of freeing memory in use.
/// Throws <see cref="ObjectDisposedException"/> when a handle is already closed.
/// </summary>
internal ref struct HandleLease
{
    private SafeHandle? _first;
    private SafeHandle? _second;

    public HandleLease(SafeHandle first, SafeHandle? second = null)
    {
        AddRef(first);
        _first = first;
        if (second is null) return;
        try
        {
            AddRef(second);
        }
        catch
        {
            first.DangerousRelease();
            _first = null;
            throw;
        }
        _second = second;
    }

    public void Dispose()
    {
        _second?.DangerousRelease();
        _first?.DangerousRelease();
        _second = null;
        _first = null;
    }

    private static void AddRef(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        if (!added) throw new ObjectDisposedException(handle.GetType().Name);
    }
}
