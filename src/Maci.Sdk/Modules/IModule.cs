using System.Text.Json.Nodes;
using Maci.Sdk.Errors;
using Maci.Sdk.Store;

namespace Maci.Sdk.Modules;

/// <summary>
/// A state-machine module: owns one store prefix, handles messages by type URL and queries by gRPC
/// path, imports/exports its genesis as JSON, and may run code at block boundaries. The host calls
/// modules in one explicit order; a module never knows the host.
/// </summary>
public interface IModule
{
    string Name { get; }

    StoreKey StoreKey { get; }

    IReadOnlyList<ErrorCode> Errors { get; }

    IReadOnlyList<MsgRoute> MsgRoutes { get; }

    IReadOnlyList<QueryRoute> QueryRoutes { get; }

    IReadOnlyList<Invariant> Invariants { get; }

    /// <summary>The module's default genesis (a valid, empty-ish state).</summary>
    JsonNode DefaultGenesis();

    /// <summary>Checks a genesis section without state; returns a clear message per problem found.</summary>
    SdkError? ValidateGenesis(JsonNode genesis);

    void InitGenesis(Context ctx, JsonNode genesis);

    JsonNode ExportGenesis(Context ctx);

    void BeginBlock(Context ctx) { }

    void EndBlock(Context ctx) { }
}
