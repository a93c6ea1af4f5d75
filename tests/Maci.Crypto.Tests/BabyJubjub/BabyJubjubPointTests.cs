using System.Numerics;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.BabyJubjub;

public class BabyJubjubPointTests
{
    private static BabyJubjubPoint Mul(BabyJubjubPoint p, BigInteger k)
    {
        var bytes = Num.LittleEndian(k, 32);
        var limbs = new ulong[4];
        for (var i = 0; i < 4; i++) limbs[i] = BitConverter.ToUInt64(bytes, 8 * i);
        return BabyJubjubPoint.Multiply(p, limbs);
    }

    [Fact]
    public void Base8IsEightTimesTheGeneratorAndHasOrderL()
    {
        Assert.True(BabyJubjubPoint.Generator.IsOnCurve);
        Assert.Equal(BabyJubjubPoint.Base8, Mul(BabyJubjubPoint.Generator, 8));
        Assert.True(Mul(BabyJubjubPoint.Base8, Num.L).IsIdentity);
        Assert.True(BabyJubjubPoint.Base8.IsInPrimeSubgroup);
        // G has order 8l, so it is on the curve but outside the prime subgroup.
        Assert.False(BabyJubjubPoint.Generator.IsInPrimeSubgroup);
        Assert.True(Mul(BabyJubjubPoint.Generator, Num.L * 8).IsIdentity);
    }

    [Fact]
    public void GroupLawsHold()
    {
        var p = Mul(BabyJubjubPoint.Base8, 12345);
        var q = Mul(BabyJubjubPoint.Base8, 67890);
        Assert.Equal(Mul(BabyJubjubPoint.Base8, 12345 + 67890), p + q);
        Assert.Equal(p + p, BabyJubjubPoint.Double(p));
        Assert.Equal(BabyJubjubPoint.Identity, p + (-p));
        Assert.Equal(p, p + BabyJubjubPoint.Identity);
        Assert.Equal(BabyJubjubPoint.Identity, Mul(p, 0));
        Assert.Equal(Mul(BabyJubjubPoint.Base8, Num.L - 1), -BabyJubjubPoint.Base8);
        Assert.True((p + q).IsOnCurve);
    }

    [Fact]
    public void LowOrderAndOffCurvePointsAreTold()
    {
        // (0, −1) has order 2: on the curve, not in the prime subgroup.
        var order2 = new BabyJubjubPoint(Fr.Zero, -Fr.One);
        Assert.True(order2.IsOnCurve);
        Assert.False(order2.IsInPrimeSubgroup);
        Assert.True(BabyJubjubPoint.Double(order2).IsIdentity);
        var off = new BabyJubjubPoint(BabyJubjubPoint.Base8.X, BabyJubjubPoint.Base8.Y + Fr.One);
        Assert.False(off.IsOnCurve);
        Assert.False(off.IsInPrimeSubgroup);
        // A Base8 multiple plus a low-order point is on the curve but not in the subgroup.
        Assert.False((BabyJubjubPoint.Base8 + order2).IsInPrimeSubgroup);
        Assert.True(BabyJubjubPoint.Identity.IsInPrimeSubgroup);
    }

    [Fact]
    public void UnpackRejectsBadEncodings()
    {
        Assert.False(BabyJubjubPoint.TryUnpack(new byte[31], out _));
        Assert.False(BabyJubjubPoint.TryUnpack(new byte[33], out _));
        // y = r (not canonical) and y = 2^255 − 1 (above r).
        Assert.False(BabyJubjubPoint.TryUnpack(Num.LittleEndian(Num.R, 32), out _));
        var big = Enumerable.Repeat((byte)0xff, 32).ToArray();
        big[31] = 0x7f;
        Assert.False(BabyJubjubPoint.TryUnpack(big, out _));
        // Some y has no x: find one deterministically and check it is refused.
        var found = false;
        for (ulong y = 2; y < 64 && !found; y++)
        {
            if (!BabyJubjubPoint.TryUnpack(Num.LittleEndian(y, 32), out var p))
                found = true;
            else
                Assert.True(p.IsOnCurve);
        }
        Assert.True(found, "expected some small y with no curve point");
        Assert.Throws<ArgumentException>(() => BabyJubjubPoint.Base8.Pack(new byte[31]));
    }
}
