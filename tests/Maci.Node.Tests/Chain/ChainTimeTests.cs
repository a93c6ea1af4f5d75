using Maci.Node.Chain;

namespace Maci.Node.Tests.Chain;

public class ChainTimeTests
{
    [Theory]
    [InlineData("2019-10-13T16:14:44Z", "2019-10-13T16:14:44Z")]
    [InlineData("2019-10-13T16:14:44.5Z", "2019-10-13T16:14:44.5Z")]
    [InlineData("2019-10-13T16:14:44.123456789Z", "2019-10-13T16:14:44.123456789Z")]
    [InlineData("2019-10-13T16:14:44.120000Z", "2019-10-13T16:14:44.12Z")]
    [InlineData("2019-10-13T18:14:44+02:00", "2019-10-13T16:14:44Z")]
    [InlineData("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z")]
    public void Formats_as_rfc3339_nano_utc(string input, string expected) =>
        Assert.Equal(expected, ChainTime.ParseRfc3339(input).ToRfc3339());

    [Fact]
    public void Unix_seconds_and_nanos_are_exact()
    {
        var t = ChainTime.ParseRfc3339("2019-10-13T16:14:44.000000001Z");
        Assert.Equal(1570983284, t.Seconds);
        Assert.Equal(1, t.Nanos);
    }

    [Fact]
    public void Pre_epoch_times_work()
    {
        var t = ChainTime.ParseRfc3339("0001-01-01T00:00:00Z");
        Assert.Equal(-62135596800, t.Seconds);
        Assert.Equal("0001-01-01T00:00:00Z", t.ToRfc3339());
    }

    [Theory]
    [InlineData("2019-10-13")]
    [InlineData("2019-10-13 16:14:44")]
    [InlineData("2019-10-13T16:14:44")]
    [InlineData("2019-10-13T16:14:44.Z")]
    [InlineData("2019-10-13T16:14:44.1234567891Z")]
    [InlineData("2019-13-13T16:14:44Z")]
    public void Rejects_malformed_times(string input) =>
        Assert.Throws<FormatException>(() => ChainTime.ParseRfc3339(input));

    [Fact]
    public void Converts_from_date_time_offset()
    {
        var t = ChainTime.FromDateTimeOffset(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567));
        Assert.Equal("2024-01-02T03:04:05.1234567Z", t.ToRfc3339());
    }
}
