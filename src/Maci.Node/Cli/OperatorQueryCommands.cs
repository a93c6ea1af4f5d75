using System.CommandLine;
using Google.Protobuf;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Cli;

/// <summary><c>macid query operator ADDRESS | --pubkey X,Y | list [--sort deposit|track-record]</c>.</summary>
public static class OperatorQueryCommands
{
    public static Command Create(CliIo io)
    {
        var (output, node) = (CliOptions.Output(), CliOptions.Node());
        var address = new Argument<string?>("address") { Description = "Operator address", Arity = ArgumentArity.ZeroOrOne };
        var pubkey = new Option<string?>("--pubkey") { Description = "Find the operator by its coordinator key X,Y" };
        var command = new Command("operator", "An insurance operator (by address or --pubkey) and its available deposit") { address, pubkey, output, node };
        command.SetAction(async (parse, ct) =>
        {
            var json = CliOptions.IsJson(parse.GetValue(output)!);
            var (addr, key) = (parse.GetValue(address), parse.GetValue(pubkey));
            if ((addr is null) == (key is null)) throw new CliException("give either an operator address or --pubkey X,Y");
            using var rpc = new NodeRpcClient(parse.GetValue(node)!);
            IMessage answer;
            if (addr is not null)
            {
                TxCommands.ValidateAddress(addr, "operator");
                var (_, _, value, _) = await rpc.QueryAsync(InsuranceQueryRunner.Service + "Operator",
                    new QueryOperatorRequest { Address = addr }.ToByteArray(), ct);
                answer = QueryOperatorResponse.Parser.ParseFrom(value);
            }
            else
            {
                var request = new QueryOperatorByPubKeyRequest { PubKey = InsuranceCliText.ParsePubKey(key!) };
                var (_, _, value, _) = await rpc.QueryAsync(InsuranceQueryRunner.Service + "OperatorByPubKey",
                    request.ToByteArray(), ct);
                answer = QueryOperatorByPubKeyResponse.Parser.ParseFrom(value);
            }
            var printed = InsuranceCliText.ToJson(answer);
            if (json) io.Json(printed);
            else InsuranceCliText.Print(io, printed);
            return 0;
        });
        command.Subcommands.Add(List(io));
        return command;
    }

    private static Command List(CliIo io)
    {
        var sort = new Option<string>("--sort") { Description = "address, deposit or track-record", DefaultValueFactory = _ => "address" };
        var limit = new Option<ulong>("--limit") { Description = "Page size (0: the node's default)" };
        return InsuranceQueryRunner.Command(io, "list", "All operators", "Operators", QueryOperatorsResponse.Parser, parse =>
            new QueryOperatorsRequest
            {
                Sort = parse.GetValue(sort) switch
                {
                    "address" => OperatorSort.Address,
                    "deposit" => OperatorSort.Deposit,
                    "track-record" => OperatorSort.TrackRecord,
                    var s => throw new CliException($"invalid --sort '{s}' (use address, deposit or track-record)"),
                },
                Pagination = new PageRequest { Limit = parse.GetValue(limit) },
            }, sort, limit);
    }
}
