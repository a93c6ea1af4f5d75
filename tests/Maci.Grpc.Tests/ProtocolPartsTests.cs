using System.Net;

namespace Maci.Grpc.Tests;

/// <summary>The small protocol pieces: grpc-timeout, grpc-message encoding, addresses, metadata names.</summary>
public sealed class ProtocolPartsTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("150n", 2L)]
    [InlineData("0m", 0L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Grpc_timeout_units_parse(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(TimeSpan.FromTicks(ticks), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("-5S")]
    [InlineData("1.5S")]
    [InlineData("123456789m")]
    [InlineData("5s")]
    [InlineData(" 5S")]
    public void Malformed_grpc_timeouts_are_rejected(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("~ !", "~ !")]
    public void Status_message_percent_encoding(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcStatusMessage.Encode(message));
        Assert.Equal(message, GrpcStatusMessage.Decode(encoded));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%C3", "\uFFFD")]
    [InlineData("a%4", "a%4")]
    [InlineData("%e2%9c%93", "✓")]
    public void Status_message_decoding_is_lenient(string encoded, string decoded) =>
        Assert.Equal(decoded, GrpcStatusMessage.Decode(encoded));

    [Theory]
    [InlineData("127.0.0.1:9090", "127.0.0.1", 9090)]
    [InlineData("localhost:26658", "127.0.0.1", 26658)]
    [InlineData("tcp://0.0.0.0:9090", "0.0.0.0", 9090)]
    [InlineData("[::1]:0", "::1", 0)]
    public void Endpoints_parse(string text, string ip, int port) =>
        Assert.Equal(new IPEndPoint(IPAddress.Parse(ip), port), GrpcServerOptions.ParseEndpoint(text));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("::1:9090")]
    [InlineData("example.com:9090")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:-1")]
    public void Bad_endpoints_are_rejected_with_a_clear_error(string text)
    {
        var e = Assert.Throws<FormatException>(() => GrpcServerOptions.ParseEndpoint(text));
        Assert.Contains(text, e.Message);
    }

    [Theory]
    [InlineData("NoSlash")]
    [InlineData("/a.B/")]
    [InlineData("a.B/C/D")]
    [InlineData("a B/C")]
    public void Registry_rejects_malformed_method_names(string name) =>
        Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry()
            .AddUnary<Protos.EchoRequest, Protos.EchoReply>(name, Protos.EchoRequest.Parser, Reply));

    [Fact]
    public void Registry_rejects_duplicates_and_normalizes_the_leading_slash()
    {
        var registry = new GrpcServiceRegistry()
            .AddUnary<Protos.EchoRequest, Protos.EchoReply>("/a.B/C", Protos.EchoRequest.Parser, Reply);
        Assert.Equal(["a.B/C"], registry.MethodNames);
        var e = Assert.Throws<ArgumentException>(() =>
            registry.AddUnary<Protos.EchoRequest, Protos.EchoReply>("a.B/C", Protos.EchoRequest.Parser, Reply));
        Assert.Contains("already registered", e.Message);
    }

    [Fact]
    public void Exceptions_cannot_carry_ok() =>
        Assert.Throws<ArgumentException>(() => new GrpcException(StatusCode.OK, "fine"));

    [Theory]
    [InlineData("grpc-status", false)]
    [InlineData("Upper", false)]
    [InlineData("x-data-bin", false)]
    [InlineData("x-data", true)]
    [InlineData("sp ace", false)]
    public void Trailer_names_are_validated(string name, bool binary)
    {
        var context = new GrpcCallContext("a.B/C", null, default, new Dictionary<string, string>(), "test");
        Assert.Throws<ArgumentException>(() =>
        {
            if (binary) context.AddBinaryTrailer(name, [1]);
            else context.AddTrailer(name, "v");
        });
    }

    [Fact]
    public void Trailer_values_must_be_printable_ascii()
    {
        var context = new GrpcCallContext("a.B/C", null, default, new Dictionary<string, string>(), "test");
        Assert.Throws<ArgumentException>(() => context.AddTrailer("x-note", "é"));
        context.AddTrailer("x-note", "ok value");
        context.AddBinaryTrailer("x-raw-bin", [0xff, 0x00]);
        Assert.Equal([new("x-note", "ok value"), new("x-raw-bin", "/wA")], context.SnapshotTrailers());
    }

    [Fact]
    public void Binary_headers_accept_padded_unpadded_and_repeated_values()
    {
        var headers = new Dictionary<string, string> { ["a-bin"] = "AQI=", ["b-bin"] = "AQI", ["c-bin"] = "AQ,Ag==", ["d-bin"] = "!!" };
        var context = new GrpcCallContext("a.B/C", null, default, headers, "test");
        Assert.Equal(new byte[] { 1, 2 }, context.GetBinaryHeader("a-bin"));
        Assert.Equal(new byte[] { 1, 2 }, context.GetBinaryHeader("b-bin"));
        Assert.Equal(new byte[] { 1, 2 }, context.GetBinaryHeader("c-bin"));
        Assert.Null(context.GetBinaryHeader("e-bin"));
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<GrpcException>(() => context.GetBinaryHeader("d-bin")).StatusCode);
    }

    private static ValueTask<Protos.EchoReply> Reply(Protos.EchoRequest request, GrpcCallContext context) =>
        ValueTask.FromResult(new Protos.EchoReply());
}
