namespace Maci.Storage.Memory;

/// <summary>
/// Merges a cache (entries and tombstones) over its parent: cache entries shadow parent entries with
/// the same key, tombstones hide them.
/// </summary>
internal sealed class MergedIterator : IKvIterator
{
    private readonly SortedEntriesIterator _cache;
    private readonly IKvIterator _parent;
    private readonly bool _reverse;
    private bool _fromCache;
    private bool _valid;

    public MergedIterator(SortedEntriesIterator cache, IKvIterator parent, bool reverse)
    {
        _cache = cache;
        _parent = parent;
        _reverse = reverse;
        Settle();
    }

    public bool Valid => _valid;

    public ReadOnlySpan<byte> Key => !_valid ? throw Exhausted() : _fromCache ? _cache.Key : _parent.Key;

    public ReadOnlySpan<byte> Value => !_valid ? throw Exhausted() : _fromCache ? _cache.Value : _parent.Value;

    public void Next()
    {
        if (!_valid) throw Exhausted();
        if (_fromCache)
        {
            if (_parent.Valid && _cache.Key.SequenceEqual(_parent.Key)) _parent.Next();
            _cache.Next();
        }
        else
        {
            _parent.Next();
        }
        Settle();
    }

    public void Dispose()
    {
        _cache.Dispose();
        _parent.Dispose();
    }

    private void Settle()
    {
        while (true)
        {
            if (!_cache.Valid)
            {
                _fromCache = false;
                _valid = _parent.Valid;
                return;
            }
            var order = _parent.Valid ? _cache.Key.SequenceCompareTo(_parent.Key) : -1;
            if (_reverse && _parent.Valid) order = -order;
            if (order > 0)
            {
                _fromCache = false;
                _valid = true;
                return;
            }
            if (!_cache.IsTombstone)
            {
                _fromCache = true;
                _valid = true;
                return;
            }
            if (order == 0) _parent.Next();
            _cache.Next();
        }
    }

    private static InvalidOperationException Exhausted() => new("the iterator is exhausted");
}
