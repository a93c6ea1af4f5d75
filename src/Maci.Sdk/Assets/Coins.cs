using System.Collections;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Assets;

/// <summary>
/// A valid set of coins: sorted by denom (ordinal), one entry per denom, no zero amounts. Immutable;
/// arithmetic returns new sets and never goes negative or overflows silently.
/// </summary>
public sealed class Coins : IReadOnlyList<Coin>, IEquatable<Coins>
{
    private readonly Coin[] _items;

    public static Coins Empty { get; } = new([]);

    private Coins(Coin[] sortedValid) => _items = sortedValid;

    public int Count => _items.Length;

    public Coin this[int index] => _items[index];

    public bool IsEmpty => _items.Length == 0;

    /// <summary>Builds a valid set from coins in any order; zero amounts are dropped, duplicates rejected.</summary>
    public static SdkError? TryCreate(IEnumerable<Coin> coins, out Coins result)
    {
        result = Empty;
        var list = coins.Where(c => !c.IsZero).ToArray();
        foreach (var c in list)
            if (!Coin.IsValidDenom(c.Denom))
                return SdkErrors.InvalidCoins.Wrap($"invalid denom: '{c.Denom}'");
        Array.Sort(list, static (a, b) => string.CompareOrdinal(a.Denom, b.Denom));
        for (var i = 1; i < list.Length; i++)
            if (list[i].Denom == list[i - 1].Denom)
                return SdkErrors.InvalidCoins.Wrap($"duplicate denomination {list[i].Denom}");
        result = new Coins(list);
        return null;
    }

    public static Coins Of(params Coin[] coins) =>
        TryCreate(coins, out var c) is { } err ? throw new ArgumentException(err.Log) : c;

    /// <summary>
    /// Validates a list as sent on the wire (SDK rule for Msg amounts and fees: sorted, unique, positive).
    /// </summary>
    public static SdkError? TryFromWire(IEnumerable<(string Denom, string Amount)> wire, out Coins result)
    {
        result = Empty;
        var list = new List<Coin>();
        foreach (var (denom, amount) in wire)
        {
            if (Coin.TryFrom(denom, amount, out var c) is { } err) return err;
            if (c.IsZero) return SdkErrors.InvalidCoins.Wrap($"coin {c} amount is not positive");
            if (list.Count > 0)
            {
                var cmp = string.CompareOrdinal(list[^1].Denom, c.Denom);
                if (cmp == 0) return SdkErrors.InvalidCoins.Wrap($"duplicate denomination {c.Denom}");
                if (cmp > 0) return SdkErrors.InvalidCoins.Wrap($"denomination {c.Denom} is not sorted");
            }
            list.Add(c);
        }
        result = new Coins(list.ToArray());
        return null;
    }

    public UInt128 AmountOf(string denom)
    {
        var i = IndexOf(denom);
        return i >= 0 ? _items[i].Amount : UInt128.Zero;
    }

    private int IndexOf(string denom)
    {
        int lo = 0, hi = _items.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = string.CompareOrdinal(_items[mid].Denom, denom);
            if (cmp == 0) return mid;
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Sum; throws <see cref="OverflowException"/> past 2^128−1 (never reachable with sane supply).</summary>
    public Coins Add(Coins other)
    {
        var merged = new List<Coin>(_items.Length + other.Count);
        int i = 0, j = 0;
        while (i < _items.Length || j < other.Count)
        {
            var cmp = i >= _items.Length ? 1 : j >= other.Count ? -1 : string.CompareOrdinal(_items[i].Denom, other[j].Denom);
            if (cmp < 0) merged.Add(_items[i++]);
            else if (cmp > 0) merged.Add(other[j++]);
            else
            {
                var sum = _items[i].Amount + other[j].Amount;
                if (sum < _items[i].Amount) throw new OverflowException($"coin amount overflow for {_items[i].Denom}");
                merged.Add(_items[i] with { Amount = sum });
                i++; j++;
            }
        }
        return new Coins(merged.ToArray());
    }

    /// <summary>Difference, or false when some denom would go negative.</summary>
    public bool TrySub(Coins other, out Coins result)
    {
        result = this;
        var list = new List<Coin>(_items.Length);
        int i = 0;
        foreach (var o in other)
        {
            while (i < _items.Length && string.CompareOrdinal(_items[i].Denom, o.Denom) < 0) list.Add(_items[i++]);
            if (i >= _items.Length || _items[i].Denom != o.Denom || _items[i].Amount < o.Amount) return false;
            var rest = _items[i].Amount - o.Amount;
            if (rest != UInt128.Zero) list.Add(_items[i] with { Amount = rest });
            i++;
        }
        while (i < _items.Length) list.Add(_items[i++]);
        result = new Coins(list.ToArray());
        return true;
    }

    /// <summary>True when every denom of <paramref name="other"/> is covered by at least as much here.</summary>
    public bool IsAllGte(Coins other)
    {
        foreach (var o in other)
            if (AmountOf(o.Denom) < o.Amount) return false;
        return true;
    }

    public override string ToString() => string.Join(",", _items.Select(c => c.ToString()));

    public bool Equals(Coins? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is Coins c && Equals(c);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in _items) h.Add(c);
        return h.ToHashCode();
    }

    public IEnumerator<Coin> GetEnumerator() => ((IEnumerable<Coin>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
