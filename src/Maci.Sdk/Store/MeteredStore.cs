using Maci.Sdk.Gas;
using Maci.Storage;

namespace Maci.Sdk.Store;

/// <summary>
/// A gas-metered view of a module store: every access is charged to the gas meter (flat cost plus
/// per-byte cost of key and value, SDK-style).
/// </summary>
public sealed class MeteredStore : IKvStore
{
    private readonly IKvStore _parent;
    private readonly GasMeter _meter;
    private readonly GasConfig _gas;

    public MeteredStore(IKvStore parent, GasMeter meter, GasConfig gas)
    {
        _parent = parent;
        _meter = meter;
        _gas = gas;
    }

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        _meter.Consume(_gas.ReadCostFlat, "ReadFlat");
        var v = _parent.Get(key);
        _meter.Consume(_gas.ReadCostPerByte * (ulong)(key.Length + (v?.Length ?? 0)), "ReadPerByte");
        return v;
    }

    public bool Has(ReadOnlySpan<byte> key)
    {
        _meter.Consume(_gas.HasCost, "Has");
        return _parent.Has(key);
    }

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        _meter.Consume(_gas.WriteCostFlat, "WriteFlat");
        _meter.Consume(_gas.WriteCostPerByte * (ulong)(key.Length + value.Length), "WritePerByte");
        _parent.Set(key, value);
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        _meter.Consume(_gas.DeleteCost, "Delete");
        _parent.Delete(key);
    }

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false)
    {
        return new Iterator(_parent.Iterate(start, end, reverse), _meter, _gas);
    }

    private sealed class Iterator(IKvIterator inner, GasMeter meter, GasConfig gas) : IKvIterator
    {
        private bool _charged;

        public bool Valid
        {
            get
            {
                if (!inner.Valid) return false;
                if (!_charged)
                {
                    meter.Consume(gas.IterNextCostFlat, "IterNextFlat");
                    meter.Consume(gas.ReadCostPerByte * (ulong)(inner.Key.Length + inner.Value.Length), "IterValuePerByte");
                    _charged = true;
                }
                return true;
            }
        }

        public ReadOnlySpan<byte> Key => inner.Key;

        public ReadOnlySpan<byte> Value => inner.Value;

        public void Next()
        {
            inner.Next();
            _charged = false;
        }

        public void Dispose() => inner.Dispose();
    }
}
