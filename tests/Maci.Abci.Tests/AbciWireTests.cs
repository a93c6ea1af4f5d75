using System.Buffers;
using Google.Protobuf;
using Maci.Abci.Server;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests;

public class AbciWireTests
{
    [Fact]
    public void Request_flush_is_02_12_00_on_the_wire()
    {
        Assert.Equal(new byte[] { 0x02, 0x12, 0x00 }, AbciWire.EncodeFrame(new Request { Flush = new RequestFlush() }));
    }

    [Fact]
    public void Response_flush_is_02_1a_00_on_the_wire()
    {
        Assert.Equal(new byte[] { 0x02, 0x1a, 0x00 }, AbciWire.EncodeFrame(new Response { Flush = new ResponseFlush() }));
    }

    [Fact]
    public void Request_echo_hello_has_unsigned_prefix_09_not_zigzag_12()
    {
        var frame = AbciWire.EncodeFrame(new Request { Echo = new RequestEcho { Message = "hello" } });
        Assert.Equal(Convert.FromHexString("090a070a0568656c6c6f"), frame);
    }

    [Fact]
    public void Worked_bytes_decode_back_into_requests()
    {
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString("021200" + "090a070a0568656c6c6f"));

        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref buffer, 1024, out var first, out var firstLength));
        Assert.Equal(2ul, firstLength);
        Assert.Equal(Request.ValueOneofCase.Flush, Request.Parser.ParseFrom(first).ValueCase);

        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref buffer, 1024, out var second, out _));
        Assert.Equal("hello", Request.Parser.ParseFrom(second).Echo.Message);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0ul, "00")]
    [InlineData(1ul, "01")]
    [InlineData(127ul, "7f")]
    [InlineData(128ul, "8001")]
    [InlineData(300ul, "ac02")]
    [InlineData(16383ul, "ff7f")]
    [InlineData(16384ul, "808001")]
    [InlineData(2147483647ul, "ffffffff07")]
    [InlineData(ulong.MaxValue, "ffffffffffffffffff01")]
    public void Varint_encodes_and_decodes(ulong value, string hex)
    {
        var expected = Convert.FromHexString(hex);
        Span<byte> buffer = stackalloc byte[AbciWire.MaxVarintLength];
        var written = AbciWire.WriteUVarint(buffer, value);
        Assert.Equal(expected, buffer[..written].ToArray());
        Assert.Equal(expected.Length, AbciWire.UVarintLength(value));

        var withTrailer = expected.Concat(new byte[] { 0xAA }).ToArray();
        Assert.Equal(VarintStatus.Ok, AbciWire.TryReadUVarint(withTrailer, out var decoded, out var consumed));
        Assert.Equal(value, decoded);
        Assert.Equal(expected.Length, consumed);
    }

    [Theory]
    [InlineData("ffffffffffffffffffff01")] // 11 bytes
    [InlineData("ffffffffffffffffff02")]   // 10th byte above 1: more than 64 bits
    [InlineData("ffffffffffffffffff7f")]
    public void Varint_longer_than_64_bits_is_rejected(string hex)
    {
        Assert.Equal(VarintStatus.Overflow, AbciWire.TryReadUVarint(Convert.FromHexString(hex), out _, out _));

        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString(hex + "00"));
        Assert.Equal(FrameStatus.LengthOverflow, AbciWire.TryReadFrame(ref buffer, int.MaxValue, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("ffff")]
    [InlineData("ffffffffffffffffff")] // 9 continuation bytes: the 10th may still end it
    public void Truncated_varint_needs_more_bytes(string hex)
    {
        Assert.Equal(VarintStatus.Incomplete, AbciWire.TryReadUVarint(Convert.FromHexString(hex), out _, out _));
    }

    [Fact]
    public void Write_varint_into_short_destination_throws()
    {
        var destination = new byte[1];
        Assert.Throws<ArgumentException>(() => AbciWire.WriteUVarint(destination, 128));
    }

    [Fact]
    public void Multi_byte_length_frame_is_cut_only_when_complete_even_split_into_single_byte_segments()
    {
        var request = new Request { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom(new byte[300]) } };
        var frame = AbciWire.EncodeFrame(request);
        Assert.Equal(0xb2, frame[0]); // 306 = b2 02 (tag, 2-byte len, 303-byte RequestCheckTx)
        Assert.Equal(0x02, frame[1]);

        for (var available = 0; available < frame.Length; available++)
        {
            var partial = Segmented(frame.AsSpan(0, available).ToArray());
            var before = partial;
            Assert.Equal(FrameStatus.Incomplete, AbciWire.TryReadFrame(ref partial, 1 << 20, out _, out _));
            Assert.Equal(before.Length, partial.Length);
        }

        var whole = Segmented(frame);
        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref whole, 1 << 20, out var payload, out var length));
        Assert.Equal(306ul, length);
        Assert.Equal(request, Request.Parser.ParseFrom(payload));
        Assert.True(whole.IsEmpty);
    }

    [Fact]
    public void Length_above_the_maximum_is_rejected_before_any_payload_arrives()
    {
        var prefix = new byte[AbciWire.MaxVarintLength];
        var n = AbciWire.WriteUVarint(prefix, 1025);
        var buffer = new ReadOnlySequence<byte>(prefix, 0, n);

        Assert.Equal(FrameStatus.TooLarge, AbciWire.TryReadFrame(ref buffer, 1024, out _, out var declared));
        Assert.Equal(1025ul, declared);
    }

    [Fact]
    public void Length_equal_to_the_maximum_is_accepted()
    {
        var frame = new byte[2 + 1024];
        Assert.Equal(2, AbciWire.WriteUVarint(frame, 1024));
        var buffer = new ReadOnlySequence<byte>(frame);

        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref buffer, 1024, out var payload, out _));
        Assert.Equal(1024, payload.Length);
    }

    [Fact]
    public void Zero_length_frame_is_an_empty_message()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0x00 });
        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref buffer, 16, out var payload, out _));
        Assert.Equal(Request.ValueOneofCase.None, Request.Parser.ParseFrom(payload).ValueCase);
    }

    [Fact]
    public void Write_frame_round_trips_a_large_response()
    {
        var response = new Response
        {
            FinalizeBlock = new ResponseFinalizeBlock { AppHash = ByteString.CopyFrom(new byte[32]) },
        };
        for (var i = 0; i < 5000; i++)
        {
            response.FinalizeBlock.TxResults.Add(new ExecTxResult { Code = (uint)i, Log = $"tx {i}" });
        }
        var writer = new ArrayBufferWriter<byte>();
        AbciWire.WriteFrame(writer, response);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.Equal(FrameStatus.Complete, AbciWire.TryReadFrame(ref buffer, int.MaxValue, out var payload, out _));
        Assert.Equal(response, Response.Parser.ParseFrom(payload));
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }
        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
