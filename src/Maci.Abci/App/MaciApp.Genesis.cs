using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Abci.App;

public sealed partial class MaciApp
{
    /// <summary>
    /// Validates and imports the genesis app_state ({"auth": …, "bank": …}; a missing section means the
    /// module default). Nothing is persisted until the first Commit. A bad genesis throws, which halts
    /// the node with the reason.
    /// </summary>
    public ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_store.LastCommitted.Height != 0)
                throw new InvalidOperationException($"InitChain called at height {_store.LastCommitted.Height}; it is only valid on a fresh state");
            if (request.ChainId != Config.ChainId)
                throw new InvalidOperationException(
                    SdkErrors.InvalidChainId.Wrap($"genesis chain id '{request.ChainId}' differs from the configured chain id '{Config.ChainId}'").Log);
            _store.DiscardWorking();
            ApplyGenesis(request);
            _pendingGenesis = request;
            return ValueTask.FromResult(new ResponseInitChain
            {
                AppHash = ByteString.CopyFrom(_store.ComputeAppHash()),
            });
        }
    }

    private void ApplyGenesis(RequestInitChain request)
    {
        var sections = ParseAppState(request.AppStateBytes.ToStringUtf8(), out var parseError);
        if (parseError is not null) throw new InvalidOperationException($"invalid genesis: {parseError.Log}");
        var (s, n) = Time(request.Time);
        var ctx = NewContext(_store.Working, request.InitialHeight, ExecMode.Genesis, s, n);
        foreach (var m in Modules.Ordered) m.InitGenesis(ctx, sections[m.Name]);
        _lastBlockTimeSeconds = s;
        _lastBlockTimeNanos = n;
    }

    /// <summary>Validates a genesis app_state JSON document without touching state.</summary>
    public SdkError? ValidateGenesis(string appStateJson)
    {
        var sections = ParseAppState(appStateJson, out var err);
        return err ?? Modules.Ordered.Select(m => m.ValidateGenesis(sections[m.Name])).FirstOrDefault(e => e is not null);
    }

    private Dictionary<string, JsonNode> ParseAppState(string json, out SdkError? error)
    {
        error = null;
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        JsonObject? root;
        try { root = string.IsNullOrWhiteSpace(json) ? new JsonObject() : JsonNode.Parse(json) as JsonObject; }
        catch (JsonException e)
        {
            error = SdkErrors.JsonUnmarshal.Wrap($"app_state is not valid JSON: {e.Message}");
            return result;
        }
        if (root is null)
        {
            error = SdkErrors.JsonUnmarshal.Wrap("app_state must be a JSON object");
            return result;
        }
        foreach (var (key, _) in root)
            if (Modules.Ordered.All(m => m.Name != key))
            {
                error = SdkErrors.InvalidRequest.Wrap($"app_state has a section for unknown module '{key}'");
                return result;
            }
        foreach (var m in Modules.Ordered)
        {
            var section = root[m.Name]?.DeepClone() ?? m.DefaultGenesis();
            if (m.ValidateGenesis(section) is { } invalid)
            {
                error = invalid;
                return result;
            }
            result[m.Name] = section;
        }
        return result;
    }
}
