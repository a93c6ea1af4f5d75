using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.BabyJubjub;

/// <summary>Every case of tests/fixtures/dora-crypto/baby-jubjub-test-vectors.json.</summary>
public class BabyJubjubVectorTests
{
    private const string File = "baby-jubjub-test-vectors.json";

    public static TheoryData<string> Names(string kind) => new(DoraCryptoVectors.OfKind(File, kind).Select(v => v.Name));

    private static DoraCryptoVectors.Vector Get(string name) => DoraCryptoVectors.Load(File).Single(v => v.Name == name);

    [Fact]
    public void FixtureHoldsOnlyTheKindsCoveredHere()
    {
        var kinds = DoraCryptoVectors.Load(File).Select(v => v.Kind).Distinct().Order().ToArray();
        Assert.Equal(["addPoint", "inCurve", "mulPointEscalar", "packUnpack"], kinds);
    }

    [Theory]
    [MemberData(nameof(Names), "addPoint")]
    public void AddPoint(string name)
    {
        var d = Get(name).Data;
        Assert.Equal(d.Point("result"), d.Point("p1") + d.Point("p2"));
    }

    [Theory]
    [MemberData(nameof(Names), "mulPointEscalar")]
    public void MulPointEscalar(string name)
    {
        var d = Get(name).Data;
        Assert.Equal(d.Point("result"), BabyJubjubPoint.Multiply(d.Point("base"), d.Field("scalar")));
    }

    [Theory]
    [MemberData(nameof(Names), "packUnpack")]
    public void PackUnpack(string name)
    {
        var d = Get(name).Data;
        var point = d.Point("point");
        var packed = new byte[32];
        point.Pack(packed);
        Assert.Equal(d.Big("packed"), Num.FromLittleEndian(packed));
        Assert.True(BabyJubjubPoint.TryUnpack(Num.LittleEndian(d.Big("packed"), 32), out var back));
        Assert.Equal(point, back);
    }

    [Theory]
    [MemberData(nameof(Names), "inCurve")]
    public void InCurve(string name)
    {
        var d = Get(name).Data;
        Assert.Equal(d.GetProperty("on_curve").GetBoolean(), d.Point("point").IsOnCurve);
    }
}
