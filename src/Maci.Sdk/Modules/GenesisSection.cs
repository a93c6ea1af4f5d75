using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Sdk.Errors;
using Maci.Sdk.Json;

namespace Maci.Sdk.Modules;

/// <summary>
/// A module's genesis section as JSON: parses the section into its proto <typeparamref name="TState"/>, and hands
/// the typed state to the module's own default/validate/init/export functions. A section that does not parse is
/// <c>parseError</c> wrapped with <c>label</c>; InitGenesis re-validates and throws on a bad section, which halts
/// the chain with the reason before anything is written.
/// </summary>
public sealed class GenesisSection<TState>(
    ProtoJson json,
    MessageParser<TState> parser,
    ErrorCode parseError,
    string label,
    Func<TState> defaults,
    Func<TState, SdkError?> validate,
    Action<Context, TState> init,
    Func<Context, TState> export)
    where TState : IMessage<TState>, new()
{
    public JsonNode Default() => json.ToNode(defaults());

    public SdkError? Validate(JsonNode section) => TryParse(section, out var state) ?? validate(state);

    public void Init(Context ctx, JsonNode section)
    {
        if ((TryParse(section, out var state) ?? validate(state)) is { } err) throw new InvalidOperationException(err.Log);
        init(ctx, state);
    }

    public JsonNode Export(Context ctx) => json.ToNode(export(ctx));

    private SdkError? TryParse(JsonNode section, out TState state) => json.TryParse(section, parser, parseError, label, out state);
}
