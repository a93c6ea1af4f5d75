using System.CommandLine;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Cli;

/// <summary><c>macid tx insurance buy FROM ROUND OPERATOR PREMIUM</c>: the round owner insures its round.</summary>
public static class InsuranceTxCommands
{
    public static Command Create(CliIo io)
    {
        var insurance = new Command("insurance", "Round insurance transactions");
        var from = new Argument<string>("from") { Description = "Round owner key name or address (in the keyring)" };
        var round = new Argument<string>("round") { Description = "Round id" };
        var op = new Argument<string>("operator") { Description = "The round's operator address" };
        var premium = new Argument<string>("premium") { Description = "Premium, one coin, e.g. 5000umaci" };
        var flags = new TxFlags();
        var buy = new Command("buy", "Buy insurance for a round (before voting starts)") { from, round, op, premium };
        flags.AddTo(buy);
        buy.SetAction(async (parse, ct) =>
        {
            var roundId = InsuranceCliText.ParseRound(parse.GetValue(round)!);
            var operatorAddress = parse.GetValue(op)!;
            TxCommands.ValidateAddress(operatorAddress, "operator");
            var coin = InsuranceCliText.ParseCoin(parse.GetValue(premium)!, "premium");
            return await TxCommands.SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender =>
                [new MsgBuyInsurance { Buyer = sender, RoundId = roundId, Operator = operatorAddress, Premium = coin }], ct);
        });
        insurance.Subcommands.Add(buy);
        return insurance;
    }
}
