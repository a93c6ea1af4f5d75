using Google.Protobuf;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Modules;

/// <summary>The outcome of one message: its response message or an error.</summary>
public readonly record struct MsgResult(IMessage? Response, SdkError? Error)
{
    public static MsgResult Ok(IMessage response) => new(response, null);

    public static implicit operator MsgResult(SdkError error) => new(null, error);

    public bool IsOk => Error is null;
}
