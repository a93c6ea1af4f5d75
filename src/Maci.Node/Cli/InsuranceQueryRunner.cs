using System.CommandLine;
using Google.Protobuf;

namespace Maci.Node.Cli;

/// <summary>Runs one /maci.insurance.v1.Query/* abci_query and prints the answer (text or json).</summary>
public static class InsuranceQueryRunner
{
    public const string Service = "/maci.insurance.v1.Query/";

    /// <summary>A query command: <paramref name="request"/> builds (and validates) the request before the node is contacted.</summary>
    public static Command Command<TResponse>(CliIo io, string name, string description, string method, MessageParser<TResponse> parser,
        Func<ParseResult, IMessage> request, params Symbol[] symbols) where TResponse : IMessage<TResponse>
    {
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command(name, description) { output, node };
        foreach (var s in symbols)
        {
            if (s is Argument a) command.Arguments.Add(a);
            else if (s is Option o) command.Options.Add(o);
        }
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var data = request(parse).ToByteArray();
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var (_, _, value, _) = await rpc.QueryAsync(Service + method, data, ct);
            var answer = InsuranceCliText.ToJson(parser.ParseFrom(value));
            if (json) io.Json(answer);
            else InsuranceCliText.Print(io, answer);
            return 0;
        });
        return command;
    }
}
