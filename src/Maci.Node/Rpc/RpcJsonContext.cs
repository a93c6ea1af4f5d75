using System.Text.Json.Serialization;

namespace Maci.Node.Rpc;

/// <summary>Source-generated (reflection-free) System.Text.Json metadata for the few primitive reads the RPC needs.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
