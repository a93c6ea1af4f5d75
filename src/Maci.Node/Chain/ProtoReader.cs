using Google.Protobuf;

namespace Maci.Node.Chain;

/// <summary>Field-by-field reader over <see cref="CodedInputStream"/> that turns malformed input into <see cref="FormatException"/>.</summary>
internal ref struct ProtoReader
{
    private readonly CodedInputStream _in;

    public ProtoReader(byte[] data) => _in = new CodedInputStream(data);

    public int Field { get; private set; }

    public bool Next()
    {
        try
        {
            var tag = _in.ReadTag();
            Field = WireFormat.GetTagFieldNumber(tag);
            return tag != 0;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FormatException("malformed protobuf: " + e.Message, e);
        }
    }

    public ulong Varint() => Wrap(static s => s.ReadUInt64(), _in);

    public long Int64() => unchecked((long)Varint());

    public int Int32() => unchecked((int)Varint());

    public long SFixed64() => Wrap(static s => s.ReadSFixed64(), _in);

    public byte[] Bytes() => Wrap(static s => s.ReadBytes().ToByteArray(), _in);

    public string String() => Wrap(static s => s.ReadString(), _in);

    public void Skip() => Wrap(static s => { s.SkipLastField(); return 0; }, _in);

    private static T Wrap<T>(Func<CodedInputStream, T> read, CodedInputStream s)
    {
        try
        {
            return read(s);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FormatException("malformed protobuf: " + e.Message, e);
        }
    }
}
