using System.Text.Json;
using System.Text.Json.Nodes;

namespace Maci.Node.Cli;

/// <summary>Where commands write: human text or indented JSON.</summary>
public sealed class CliIo(TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    public void Json(JsonNode node) => Out.WriteLine(node.ToJsonString(Indented));

    public void Line(string text) => Out.WriteLine(text);
}
