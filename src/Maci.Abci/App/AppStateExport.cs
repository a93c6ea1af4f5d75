using System.Text.Json.Nodes;

namespace Maci.Abci.App;

/// <summary>
/// The genesis app_state of one committed height: every module's section in module order, as InitChain reads it.
/// A new chain starts from it at <see cref="Height"/> + 1; importing it reproduces <see cref="AppHash"/>.
/// </summary>
public sealed record AppStateExport(long Height, byte[] AppHash, JsonObject AppState)
{
    /// <summary>The compact JSON text (the same bytes for the same state).</summary>
    public string ToJson() => AppState.ToJsonString();
}
