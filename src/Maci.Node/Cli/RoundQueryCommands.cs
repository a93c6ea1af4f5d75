using System.CommandLine;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid query round get | list | params | state-node | message-hash | signup-index | results | vkeys | next-poll-id |
/// delays | registration</c> over maci.rounds.v1.Query; "key: value" lines by default, the proto JSON with <c>-o json</c>.
/// </summary>
public static class RoundQueryCommands
{
    public static Command Create(CliIo io)
    {
        var round = new Command("round", "Voting round queries (rounds module)");
        round.Subcommands.Add(Get(io));
        round.Subcommands.Add(List(io));
        round.Subcommands.Add(Query(io, "params", "Rounds module parameters (fees, delays, supported circuits)", "Params", QueryParamsResponse.Parser,
            _ => new QueryParamsRequest(), PrintParams));
        var nodeRound = RoundArgument();
        var nodeIndex = new Argument<string>("index") { Description = "Heap index (root 0, children of n at 5n+1..5n+5)" };
        round.Subcommands.Add(Query(io, "state-node", "A state tree node by heap index", "StateNode", QueryStateNodeResponse.Parser,
            p => new QueryStateNodeRequest { RoundId = RoundId(p, nodeRound), Index = Index(p, nodeIndex) }, null, nodeRound, nodeIndex));
        round.Subcommands.Add(MessageHash(io));
        round.Subcommands.Add(SignUpIndex(io));
        var resultsRound = RoundArgument();
        round.Subcommands.Add(Query(io, "results", "Final results of an ended round", "Results", QueryResultsResponse.Parser,
            p => new QueryResultsRequest { RoundId = RoundId(p, resultsRound) }, null, resultsRound));
        var vkeysRound = RoundArgument();
        round.Subcommands.Add(Query(io, "vkeys", "The verifying keys of a round's circuit", "VerifyingKeys", QueryVerifyingKeysResponse.Parser,
            p => new QueryVerifyingKeysRequest { RoundId = RoundId(p, vkeysRound) }, null, vkeysRound));
        round.Subcommands.Add(Query(io, "next-poll-id", "The id the next round will get", "NextPollId", QueryNextPollIdResponse.Parser,
            _ => new QueryNextPollIdRequest(), null));
        var delaysRound = RoundArgument();
        round.Subcommands.Add(Query(io, "delays", "A round's delay records (late deactivate processing, late tally)", "DelayRecords",
            QueryDelayRecordsResponse.Parser, p => new QueryDelayRecordsRequest { RoundId = RoundId(p, delaysRound) }, null, delaysRound));
        round.Subcommands.Add(Registration(io));
        return round;
    }

    private static Argument<string> RoundArgument() => new("round") { Description = "Round id" };

    private static ulong RoundId(ParseResult p, Argument<string> a) => InsuranceCliText.ParseRound(p.GetValue(a)!);

    private static ulong Index(ParseResult p, Argument<string> a) =>
        ulong.TryParse(p.GetValue(a), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new CliException($"invalid index '{RoundCliText.Clip(p.GetValue(a)!)}': expected a non-negative integer");

    /// <summary>A query command; <paramref name="request"/> validates its input before the node is contacted.</summary>
    private static Command Query<TResponse>(CliIo io, string name, string description, string method, MessageParser<TResponse> parser,
        Func<ParseResult, IMessage> request, Action<CliIo, JsonNode>? text, params Symbol[] symbols) where TResponse : IMessage<TResponse>
    {
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var command = new Command(name, description);
        foreach (var s in symbols)
        {
            if (s is Argument a) command.Arguments.Add(a);
            else if (s is Option o) command.Options.Add(o);
        }
        command.Options.Add(output);
        command.Options.Add(node);
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var req = request(parse);
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            var answer = InsuranceCliText.ToJson(await RoundQueries.QueryAsync(rpc, method, req, parser, ct));
            if (json) io.Json(answer);
            else (text ?? ((w, n) => InsuranceCliText.Print(w, n)))(io, answer);
            return 0;
        });
        return command;
    }

    private static Command Get(CliIo io)
    {
        var round = RoundArgument();
        return Query(io, "get", "A round: configuration, progress (period, sign-ups, chains, commitments), state root", "Round",
            QueryRoundResponse.Parser, p => new QueryRoundRequest { RoundId = RoundId(p, round) }, null, round);
    }

    private static Command List(CliIo io)
    {
        var op = new Option<string?>("--operator") { Description = "Only rounds of this operator" };
        var admin = new Option<string?>("--admin") { Description = "Only rounds created by this address" };
        var status = new Option<string?>("--status") { Description = "pending, processing, tallying or ended" };
        var limit = new Option<ulong>("--limit") { Description = "Page size (0: the node's default, at most 100)" };
        var offset = new Option<ulong>("--offset") { Description = "Rounds to skip" };
        var countTotal = new Option<bool>("--count-total") { Description = "Also report the number of matching rounds" };
        return Query(io, "list", "Rounds, optionally filtered", "Rounds", QueryRoundsResponse.Parser, p =>
        {
            var req = new QueryRoundsRequest
            {
                Pagination = new PageRequest { Limit = p.GetValue(limit), Offset = p.GetValue(offset), CountTotal = p.GetValue(countTotal) },
            };
            if (p.GetValue(op) is { } o)
            {
                TxCommands.ValidateAddress(o, "operator");
                req.Operator = o;
            }
            if (p.GetValue(admin) is { } a)
            {
                TxCommands.ValidateAddress(a, "admin");
                req.Admin = a;
            }
            if (p.GetValue(status) is { } s) req.Period = RoundCliText.ParsePeriod(s);
            return req;
        }, PrintList, op, admin, status, limit, offset, countTotal);
    }

    private static void PrintList(CliIo io, JsonNode answer)
    {
        var rounds = answer["rounds"] as JsonArray ?? [];
        if (rounds.Count == 0) io.Line("No rounds.");
        foreach (var r in rounds)
        {
            var (round, state) = (r!["round"]!, r["state"]!);
            io.Line($"{round["id"]}\t{Short((string?)round["kind"], "ROUND_KIND_")}\t{Short((string?)state["period"], "PERIOD_")}" +
                    $"{((bool?)r["voting"] == true ? " (voting)" : "")}\tsign_ups={state["num_sign_ups"]}\tmessages={state["msg_chain_length"]}\t" +
                    $"operator={round["operator"]}\t{round["info"]?["title"]}");
        }
        if ((string?)answer["pagination"]?["total"] is { } total && total != "0") io.Line($"total: {total}");
    }

    private static string Short(string? value, string prefix) =>
        value is null ? "?" : (value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value).ToLowerInvariant();

    /// <summary>Params without the verifying keys (hundreds of hex lines); the circuits are listed by kind and size.</summary>
    private static void PrintParams(CliIo io, JsonNode answer)
    {
        var copy = answer.DeepClone();
        var circuits = copy["params"]?["circuits"] as JsonArray ?? [];
        var names = circuits.Select(c => $"{Short((string?)c!["kind"], "ROUND_KIND_")} {Size(c["size"])}").ToList();
        copy["params"]!.AsObject().Remove("circuits");
        InsuranceCliText.Print(io, copy);
        io.Line($"params.circuits: {(names.Count == 0 ? "none" : string.Join(", ", names))}");
    }

    private static string Size(JsonNode? s) =>
        s is null ? "?" : $"{s["state_tree_depth"]}-{s["int_state_tree_depth"]}-{s["vote_option_tree_depth"]}-{s["message_batch_size"]}";

    private static Command MessageHash(CliIo io)
    {
        var round = RoundArgument();
        var index = new Argument<string>("index") { Description = "Chain index (0 = the empty chain's hash)" };
        var deactivate = new Option<bool>("--deactivate") { Description = "The deactivate message chain instead of the message chain" };
        return Query(io, "message-hash", "A message chain hash by index", "MessageHash", QueryMessageHashResponse.Parser,
            p => new QueryMessageHashRequest { RoundId = RoundId(p, round), Index = Index(p, index), Deactivate = p.GetValue(deactivate) },
            null, round, index, deactivate);
    }

    private static Command SignUpIndex(CliIo io)
    {
        var round = RoundArgument();
        var pubkey = new Option<string?>("--pubkey") { Description = "MACI public key X,Y" };
        var key = new MaciKeyOptions();
        var symbols = new Symbol[] { round, pubkey, key.KeyFile, key.PrivateKey };
        return Query(io, "signup-index", "The state index of a signed-up MACI key", "SignUpIndex", QuerySignUpIndexResponse.Parser,
            p => new QuerySignUpIndexRequest { RoundId = RoundId(p, round), Pubkey = VoterKey(p, pubkey, key, required: true) },
            null, symbols);
    }

    private static Command Registration(CliIo io)
    {
        var round = RoundArgument();
        var sender = new Option<string?>("--sender") { Description = "Account address (whitelist rounds)" };
        var pubkey = new Option<string?>("--pubkey") { Description = "MACI public key X,Y (oracle rounds)" };
        var key = new MaciKeyOptions();
        var certificate = new Option<string?>("--certificate") { Description = "Oracle certificate (64-byte signature, hex or base64)" };
        var amount = new Option<string?>("--amount") { Description = "Certified amount (oracle rounds)" };
        return Query(io, "registration", "Whether a sign-up would be accepted, and with what voice credits", "RegistrationStatus",
            QueryRegistrationStatusResponse.Parser, p =>
            {
                var req = new QueryRegistrationStatusRequest { RoundId = RoundId(p, round) };
                if (p.GetValue(sender) is { } s)
                {
                    TxCommands.ValidateAddress(s, "sender");
                    req.Sender = s;
                }
                if (VoterKey(p, pubkey, key, required: false) is { } k) req.Pubkey = k;
                if (p.GetValue(certificate) is { } c) req.Certificate = ByteString.CopyFrom(RoundCliText.ParseCertificate(c));
                if (p.GetValue(amount) is { } a) req.Amount = RoundCliText.ParseAmount(a, "--amount", positive: false);
                if (req.Sender.Length == 0 && req.Pubkey is null) throw new CliException("give --sender ADDRESS or a MACI key (--pubkey X,Y, --maci-key or --maci-private-key)");
                return req;
            }, null, round, sender, pubkey, key.KeyFile, key.PrivateKey, certificate, amount);
    }

    /// <summary>The voter's public key from --pubkey X,Y or from the MACI key options.</summary>
    public static PubKey? VoterKey(ParseResult p, Option<string?> pubkey, MaciKeyOptions key, bool required)
    {
        var text = p.GetValue(pubkey);
        if (text is not null && key.Given(p)) throw new CliException("give either --pubkey X,Y or a MACI key, not both");
        if (text is not null) return RoundCliText.ToProto(RoundCliText.ParsePoint(text, "--pubkey"));
        if (key.Given(p)) return RoundCliText.ToProto(key.Resolve(p).PublicKey);
        return required ? throw new CliException("give the MACI public key: --pubkey X,Y, --maci-key FILE or --maci-private-key N") : null;
    }
}
