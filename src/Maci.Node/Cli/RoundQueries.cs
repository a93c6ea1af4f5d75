using Google.Protobuf;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>abci_query calls to maci.rounds.v1.Query with the node's NotFound/InvalidArgument answers turned into one clear line.</summary>
public static class RoundQueries
{
    public const string Service = "/maci.rounds.v1.Query/";

    private const uint InvalidRequestCode = 18;
    private const uint KeyNotFoundCode = 22;

    public static async Task<T> QueryAsync<T>(NodeRpcClient rpc, string method, IMessage request, MessageParser<T> parser, CancellationToken ct)
        where T : IMessage<T>
    {
        var (code, log, value, _) = await rpc.QueryAsync(Service + method, request.ToByteArray(), ct, InvalidRequestCode, KeyNotFoundCode);
        if (code != 0) throw new CliException(Describe(code, log));
        return parser.ParseFrom(value);
    }

    /// <summary>
    /// "rpc error: code = NotFound desc = round 42: key not found" → "round 42: not found"; a longer description
    /// ("round 1 has no results yet") is printed as it is.
    /// </summary>
    public static string Describe(uint code, string log)
    {
        var i = log.IndexOf("desc = ", StringComparison.Ordinal);
        var desc = i >= 0 ? log[(i + 7)..] : log;
        foreach (var suffix in new[] { ": key not found", ": invalid request" })
            if (desc.EndsWith(suffix, StringComparison.Ordinal)) desc = desc[..^suffix.Length];
        if (code != KeyNotFoundCode) return $"invalid request: {desc}";
        return desc.Split(' ').Length <= 2 ? $"{desc}: not found" : desc;
    }

    public static Task<QueryRoundResponse> RoundAsync(NodeRpcClient rpc, ulong roundId, CancellationToken ct) =>
        QueryAsync(rpc, "Round", new QueryRoundRequest { RoundId = roundId }, QueryRoundResponse.Parser, ct);

    public static async Task<Params> ParamsAsync(NodeRpcClient rpc, CancellationToken ct) =>
        (await QueryAsync(rpc, "Params", new QueryParamsRequest(), QueryParamsResponse.Parser, ct)).Params
        ?? throw new CliException("the node returned no rounds params");
}
