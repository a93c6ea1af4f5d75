using System.CommandLine;
using Google.Protobuf;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>The shape shared by the round tx commands: FROM and (usually) ROUND arguments, the tx flags, and the shared submit path.</summary>
internal sealed class RoundTx
{
    public RoundTx(string name, string description, string fromDescription = "Sender key name or address (in the keyring)", bool withRound = true)
    {
        From = new Argument<string>("from") { Description = fromDescription };
        Command = new Command(name, description) { From };
        if (withRound)
        {
            Round = new Argument<string>("round") { Description = "Round id" };
            Command.Arguments.Add(Round);
        }
    }

    public Command Command { get; }
    public Argument<string> From { get; }
    public Argument<string>? Round { get; }
    public TxFlags Flags { get; } = new();

    public RoundTx With(params Symbol[] symbols)
    {
        foreach (var s in symbols)
        {
            if (s is Argument a) Command.Arguments.Add(a);
            else if (s is Option o) Command.Options.Add(o);
        }
        return this;
    }

    public Command Build(Func<ParseResult, CancellationToken, Task<int>> action)
    {
        Flags.AddTo(Command);
        Command.SetAction(action);
        return Command;
    }

    public ulong RoundId(ParseResult p) => InsuranceCliText.ParseRound(p.GetValue(Round!)!);

    public Task<int> SubmitAsync(ParseResult p, CliIo io, Func<string, IMessage> build, CancellationToken ct, params TxEventField[] report) =>
        TxCommands.SubmitAsync(p, Flags, io, p.GetValue(From)!, sender => [build(sender)], ct, report);

    public NodeRpcClient Rpc(ParseResult p) => new(p.GetValue(Flags.Node)!);

    /// <summary>The round (config and state) and the module params (fee denom) the fee-paying commands need.</summary>
    public async Task<(QueryRoundResponse Round, Params Params)> LoadAsync(ParseResult p, ulong roundId, CancellationToken ct)
    {
        using var rpc = Rpc(p);
        var round = await RoundQueries.RoundAsync(rpc, roundId, ct);
        return (round, await RoundQueries.ParamsAsync(rpc, ct));
    }
}
