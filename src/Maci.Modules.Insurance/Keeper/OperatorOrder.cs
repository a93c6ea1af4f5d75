using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>Total orders of operators for listing; every order ends with the address so it is deterministic.</summary>
public static class OperatorOrder
{
    public static Comparison<Operator> For(OperatorSort sort) => sort switch
    {
        OperatorSort.Deposit => ByDeposit,
        OperatorSort.TrackRecord => ByTrackRecord,
        _ => ByAddress,
    };

    public static int ByAddress(Operator a, Operator b) => string.CompareOrdinal(a.Address, b.Address);

    /// <summary>Largest deposit first.</summary>
    public static int ByDeposit(Operator a, Operator b)
    {
        var c = Amounts.Read(b.Deposit).CompareTo(Amounts.Read(a.Deposit));
        return c != 0 ? c : ByAddress(a, b);
    }

    /// <summary>Most clean rounds (served − slashed) first, then least slashed in total, then most rounds served.</summary>
    public static int ByTrackRecord(Operator a, Operator b)
    {
        var ta = a.TrackRecord ?? new TrackRecord();
        var tb = b.TrackRecord ?? new TrackRecord();
        var c = Clean(tb).CompareTo(Clean(ta));
        if (c != 0) return c;
        c = Amounts.Read(ta.TotalSlashed).CompareTo(Amounts.Read(tb.TotalSlashed));
        if (c != 0) return c;
        c = tb.RoundsServed.CompareTo(ta.RoundsServed);
        return c != 0 ? c : ByAddress(a, b);
    }

    private static ulong Clean(TrackRecord t) => t.RoundsServed - Math.Min(t.RoundsSlashed, t.RoundsServed);
}
