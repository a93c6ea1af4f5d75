using System.CommandLine;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Cli;

/// <summary><c>macid query insurance policy ROUND | policies | unbondings | params</c>.</summary>
public static class InsuranceQueryCommands
{
    public static Command Create(CliIo io)
    {
        var insurance = new Command("insurance", "Insurance module queries");
        var round = new Argument<string>("round") { Description = "Round id" };
        insurance.Subcommands.Add(InsuranceQueryRunner.Command(io, "policy", "The policy of a round", "Policy", QueryPolicyResponse.Parser,
            parse => new QueryPolicyRequest { RoundId = InsuranceCliText.ParseRound(parse.GetValue(round)!) }, round));

        var policiesOperator = new Option<string?>("--operator") { Description = "Only this operator's policies" };
        var limit = new Option<ulong>("--limit") { Description = "Page size (0: the node's default)" };
        insurance.Subcommands.Add(InsuranceQueryRunner.Command(io, "policies", "All policies", "Policies", QueryPoliciesResponse.Parser,
            parse =>
            {
                var op = parse.GetValue(policiesOperator);
                if (op is not null) TxCommands.ValidateAddress(op, "operator");
                return new QueryPoliciesRequest { Operator = op ?? "", Pagination = new PageRequest { Limit = parse.GetValue(limit) } };
            }, policiesOperator, limit));

        var unbondingOperator = new Argument<string>("operator") { Description = "Operator address" };
        insurance.Subcommands.Add(InsuranceQueryRunner.Command(io, "unbondings", "An operator's pending deposit releases", "Unbondings",
            QueryUnbondingsResponse.Parser, parse =>
            {
                var op = parse.GetValue(unbondingOperator)!;
                TxCommands.ValidateAddress(op, "operator");
                return new QueryUnbondingsRequest { Operator = op };
            }, unbondingOperator));

        insurance.Subcommands.Add(InsuranceQueryRunner.Command(io, "params", "Insurance parameters", "Params", QueryParamsResponse.Parser,
            _ => new QueryParamsRequest()));
        return insurance;
    }
}
