using Maci.Grpc;

namespace Maci.Node.Services;

/// <summary>Maps an SDK result code to a gRPC status (the inverse of the SDK's gRPC-to-ABCI error mapping).</summary>
public static class SdkStatus
{
    public static GrpcException ToGrpc(uint code, string codespace, string log)
    {
        var status = codespace == "sdk" || codespace == "" ? code switch
        {
            22 or 38 => StatusCode.NotFound,
            2 or 3 or 7 or 8 or 10 or 18 or 26 or 41 => StatusCode.InvalidArgument,
            4 => StatusCode.Unauthenticated,
            5 or 11 or 13 or 32 => StatusCode.FailedPrecondition,
            6 => StatusCode.Unimplemented,
            _ => StatusCode.Unknown,
        } : StatusCode.Unknown;
        return new GrpcException(status, $"codespace {(codespace.Length == 0 ? "sdk" : codespace)} code {code}: {log}");
    }
}
