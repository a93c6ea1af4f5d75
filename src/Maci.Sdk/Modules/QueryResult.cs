using Google.Protobuf;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Modules;

/// <summary>A query answer: response bytes or an error (gRPC-status text kept in the log, SDK-style).</summary>
public readonly record struct QueryResult(byte[]? Value, SdkError? Error)
{
    public static QueryResult Ok(IMessage response) => new(response.ToByteArray(), null);

    public static implicit operator QueryResult(SdkError error) => new(null, error);

    public bool IsOk => Error is null;
}
