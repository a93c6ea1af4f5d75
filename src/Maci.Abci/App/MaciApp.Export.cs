using System.Text.Json.Nodes;
using Maci.Sdk;

namespace Maci.Abci.App;

public sealed partial class MaciApp
{
    /// <summary>
    /// Every module's genesis section at the last committed height, in module order (the order InitChain imports them).
    /// Reads a snapshot of the last commit, never the working set, so a block executed but not yet committed is not in it;
    /// nothing is written, so it is safe on the stores of a stopped node. Height 0 (nothing committed) is an error.
    /// </summary>
    public AppStateExport ExportAppState()
    {
        lock (_lock)
        {
            using var snap = _store.OpenSnapshot();
            if (snap.Height == 0) throw new InvalidOperationException("no committed state to export (height 0)");
            // Genesis sections are pure state: the context carries no block time, so a pending block's time cannot leak in.
            var ctx = NewContext(snap.Branch(), snap.Height, ExecMode.Query, 0, 0);
            var root = new JsonObject();
            foreach (var m in Modules.Ordered) root[m.Name] = m.ExportGenesis(ctx);
            return new AppStateExport(snap.Height, (byte[])snap.AppHash.Clone(), root);
        }
    }

    /// <summary>The app_state of the last committed state, importable by InitChain (see <see cref="ExportAppState"/>).</summary>
    public JsonObject ExportGenesis() => ExportAppState().AppState;
}
