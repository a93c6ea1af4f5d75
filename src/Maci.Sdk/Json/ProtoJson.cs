using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Json;

/// <summary>
/// Protobuf JSON for genesis files, SDK-style: proto field names (snake_case), default values written,
/// 64-bit integers as strings, Any as {"@type": …} resolved through the given registry.
/// </summary>
public sealed class ProtoJson
{
    private readonly JsonFormatter _formatter;
    private readonly JsonParser _parser;

    public ProtoJson(params MessageDescriptor[] anyTypes)
    {
        var registry = TypeRegistry.FromMessages(anyTypes);
        _formatter = new JsonFormatter(JsonFormatter.Settings.Default
            .WithFormatDefaultValues(true)
            .WithPreserveProtoFieldNames(true)
            .WithTypeRegistry(registry));
        _parser = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(registry).WithIgnoreUnknownFields(false));
    }

    public JsonNode ToNode(IMessage message) => JsonNode.Parse(_formatter.Format(message))!;

    /// <summary>Parses a JSON node into a message; throws <see cref="InvalidProtocolBufferException"/> or
    /// <see cref="InvalidJsonException"/> with the parser's reason on bad input.</summary>
    public T Parse<T>(JsonNode node, MessageParser<T> parser) where T : IMessage<T>, new() =>
        _parser.Parse<T>(node.ToJsonString());

    /// <summary>Parses a genesis section; bad JSON becomes <paramref name="error"/> wrapped with the
    /// <paramref name="section"/> name and the parser's reason, never an exception.</summary>
    public SdkError? TryParse<T>(JsonNode node, MessageParser<T> parser, ErrorCode error, string section, out T message)
        where T : IMessage<T>, new()
    {
        try
        {
            message = Parse(node, parser);
            return null;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            message = new T();
            return error.Wrap($"{section}: {e.Message}");
        }
    }
}
