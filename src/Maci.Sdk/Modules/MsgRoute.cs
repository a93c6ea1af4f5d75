using Google.Protobuf;
using Google.Protobuf.Reflection;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Modules;

/// <summary>
/// How a module handles one message type: the type URL it is packed under in an Any, its descriptor (for
/// strict decoding), its signers, a stateless check, the fixed gas charged before execution, and the handler.
/// </summary>
public abstract class MsgRoute
{
    public abstract string TypeUrl { get; }

    public abstract MessageDescriptor Descriptor { get; }

    /// <summary>Gas charged for the message type itself, before any store access.</summary>
    public virtual ulong BaseGas => 0;

    public abstract IMessage Parse(ReadOnlySpan<byte> value);

    /// <summary>Bech32 addresses that must sign, in order.</summary>
    public abstract IReadOnlyList<string> Signers(IMessage msg);

    /// <summary>Format and range checks without state (runs in CheckTx and again in FinalizeBlock).</summary>
    public abstract SdkError? ValidateBasic(IMessage msg);

    public abstract MsgResult Handle(Context ctx, IMessage msg);
}

/// <summary>A <see cref="MsgRoute"/> for a generated message type, from delegates.</summary>
public sealed class MsgRoute<T> : MsgRoute where T : IMessage<T>, new()
{
    private readonly MessageParser<T> _parser;
    private readonly Func<T, IReadOnlyList<string>> _signers;
    private readonly Func<T, SdkError?> _validate;
    private readonly Func<Context, T, MsgResult> _handle;

    public MsgRoute(MessageParser<T> parser, Func<T, IReadOnlyList<string>> signers, Func<T, SdkError?> validate,
        Func<Context, T, MsgResult> handle, ulong baseGas = 0)
    {
        _parser = parser;
        _signers = signers;
        _validate = validate;
        _handle = handle;
        BaseGas = baseGas;
        Descriptor = new T().Descriptor;
        TypeUrl = "/" + Descriptor.FullName;
    }

    public override string TypeUrl { get; }

    public override MessageDescriptor Descriptor { get; }

    public override ulong BaseGas { get; }

    public override IMessage Parse(ReadOnlySpan<byte> value) => _parser.ParseFrom(value);

    public override IReadOnlyList<string> Signers(IMessage msg) => _signers((T)msg);

    public override SdkError? ValidateBasic(IMessage msg) => _validate((T)msg);

    public override MsgResult Handle(Context ctx, IMessage msg) => _handle(ctx, (T)msg);
}
