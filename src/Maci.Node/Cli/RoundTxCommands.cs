using System.CommandLine;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid tx round …</c>: create and the admin edits (this file), voter txs (<see cref="RoundVoterTxCommands"/>) and
/// operator/processing txs (<see cref="RoundOperatorTxCommands"/>). Required fees are queried from the chain and attached exactly.
/// </summary>
public static class RoundTxCommands
{
    public static Command Create(CliIo io)
    {
        var round = new Command("round", "Voting round transactions (rounds module)");
        round.Subcommands.Add(CreateRound(io));
        round.Subcommands.Add(SetInfo(io));
        round.Subcommands.Add(SetOptions(io));
        round.Subcommands.Add(SetMaxVotes(io));
        round.Subcommands.Add(UpdateRegistration(io));
        foreach (var c in RoundVoterTxCommands.Create(io)) round.Subcommands.Add(c);
        foreach (var c in RoundOperatorTxCommands.Create(io)) round.Subcommands.Add(c);
        return round;
    }

    internal static Option<string[]> VoteOptions(bool required) => new("--option")
    {
        Description = "A vote option (repeat for each option, in order)", Required = required, AllowMultipleArgumentsPerToken = false,
    };

    private static Command CreateRound(CliIo io)
    {
        var tx = new RoundTx("create", "Create a voting round (pays the base fee; the round id is printed)",
            "Creator (round admin) key name or address", withRound: false);
        var op = new Option<string>("--operator") { Description = "Operator address (its registered coordinator key becomes the round's)", Required = true };
        var kind = new Option<string>("--kind") { Description = "amaci or maci", DefaultValueFactory = _ => "amaci" };
        var title = new Option<string>("--title") { Required = true };
        var description = new Option<string>("--description") { DefaultValueFactory = _ => "" };
        var link = new Option<string>("--link") { DefaultValueFactory = _ => "" };
        var options = VoteOptions(required: true);
        var start = new Option<string>("--voting-start") { Description = "Unix seconds or RFC 3339", Required = true };
        var end = new Option<string>("--voting-end") { Description = "Unix seconds or RFC 3339 (more than 600 s after the start)", Required = true };
        var circuit = new Option<string>("--circuit") { Description = "Circuit size, e.g. 2-1-1-5 or 9-4-3-125", Required = true };
        var circuitType = new Option<string>("--circuit-type") { Description = "1p1v (cost = votes) or qv (cost = votes²)", DefaultValueFactory = _ => "1p1v" };
        var maxVotes = new Option<ulong>("--max-votes-per-option") { Description = "Cap per option (0 = none)" };
        var deactivate = new Option<bool>("--deactivate") { Description = "Enable deactivation and key change (aMACI, unified credits)" };
        var maxVoters = new Option<ulong>("--max-voters") { Description = "MACI rounds: most voters" };
        var votingPower = new Option<string?>("--voting-power") { Description = "MACI oracle rounds: slope:N or threshold:N" };
        var registration = new RoundRegistrationOptions();
        tx.With(op, kind, title, description, link, options, start, end, circuit, circuitType, maxVotes, deactivate, maxVoters, votingPower);
        registration.AddTo(tx.Command);
        return tx.Build(async (p, ct) =>
        {
            var operatorAddress = p.GetValue(op)!;
            TxCommands.ValidateAddress(operatorAddress, "operator");
            var msg = new MsgCreateRound
            {
                Kind = RoundCliText.ParseKind(p.GetValue(kind)!),
                Operator = operatorAddress,
                Info = new RoundText { Title = p.GetValue(title)!, Description = p.GetValue(description)!, Link = p.GetValue(link)! },
                VotingStart = RoundCliText.ParseTime(p.GetValue(start)!, "--voting-start"),
                VotingEnd = RoundCliText.ParseTime(p.GetValue(end)!, "--voting-end"),
                CircuitSize = RoundCliText.ParseCircuitSize(p.GetValue(circuit)!),
                CircuitType = RoundCliText.ParseCircuitType(p.GetValue(circuitType)!),
                MaxVotesPerOption = p.GetValue(maxVotes),
                VoiceCreditMode = registration.Credits(p, required: false) ?? new VoiceCreditMode(),
                RegistrationMode = registration.Mode(p, required: true),
                DeactivateEnabled = p.GetValue(deactivate),
                MaxVoters = p.GetValue(maxVoters),
            };
            if (!msg.VoiceCreditMode.Dynamic && msg.VoiceCreditMode.UnifiedAmount.Length == 0 && msg.Kind == RoundKind.Amaci)
                throw new CliException("give the voice credits: --voice-credits N (every voter) or --dynamic-credits");
            if (msg.VotingStart >= msg.VotingEnd) throw new CliException("--voting-start must be before --voting-end");
            if (p.GetValue(votingPower) is { } vp) msg.VotingPower = ParseVotingPower(vp);
            msg.VoteOptions.AddRange(p.GetValue(options)!);
            using (var rpc = tx.Rpc(p))
            {
                var prm = await RoundQueries.ParamsAsync(rpc, ct);
                msg.Fee = RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(prm.DefaultFees.BaseFee));
            }
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Creator = sender;
                return msg;
            }, ct, new TxEventField("round_created", "round_id", "round_id"));
        });
    }

    private static VotingPowerArgs ParseVotingPower(string text)
    {
        var parts = text.Split(':', 2);
        var amount = parts.Length == 2 ? RoundCliText.ParseAmount(parts[1], "--voting-power value") : null;
        return parts[0].ToLowerInvariant() switch
        {
            "slope" when amount is not null => new VotingPowerArgs { Mode = VotingPowerArgs.Types.Mode.Slope, Slope = amount },
            "threshold" when amount is not null => new VotingPowerArgs { Mode = VotingPowerArgs.Types.Mode.Threshold, Threshold = amount },
            _ => throw new CliException($"invalid --voting-power '{RoundCliText.Clip(text)}': expected slope:N or threshold:N"),
        };
    }

    private static Command SetInfo(CliIo io)
    {
        var title = new Option<string?>("--title");
        var description = new Option<string?>("--description");
        var link = new Option<string?>("--link");
        var tx = new RoundTx("set-info", "Admin, before voting: change the title, description or link (absent fields stay)").With(title, description, link);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            if (p.GetValue(title) is null && p.GetValue(description) is null && p.GetValue(link) is null)
                throw new CliException("nothing to change: give --title, --description or --link");
            RoundText current;
            using (var rpc = tx.Rpc(p)) current = (await RoundQueries.RoundAsync(rpc, id, ct)).Round.Info ?? new RoundText();
            var info = new RoundText
            {
                Title = p.GetValue(title) ?? current.Title,
                Description = p.GetValue(description) ?? current.Description,
                Link = p.GetValue(link) ?? current.Link,
            };
            return await tx.SubmitAsync(p, io, sender => new MsgSetRoundInfo { Sender = sender, RoundId = id, Info = info }, ct);
        });
    }

    private static Command SetOptions(CliIo io)
    {
        var options = VoteOptions(required: true);
        var tx = new RoundTx("set-options", "Admin, before voting: replace the vote options").With(options);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var msg = new MsgSetVoteOptions { RoundId = id };
            msg.VoteOptions.AddRange(p.GetValue(options)!);
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct);
        });
    }

    private static Command SetMaxVotes(CliIo io)
    {
        var max = new Argument<string>("max") { Description = "Most votes per option (0 = no cap)" };
        var tx = new RoundTx("set-max-votes", "Admin, before voting: set the cap of votes per option").With(max);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var value = RoundCliText.ParseUInt(p.GetValue(max)!, "max votes per option");
            return await tx.SubmitAsync(p, io, sender => new MsgSetMaxVotesPerOption { Sender = sender, RoundId = id, MaxVotesPerOption = value }, ct);
        });
    }

    private static Command UpdateRegistration(CliIo io)
    {
        var deactivate = new Option<bool?>("--deactivate") { Description = "Enable (true) or disable (false) deactivation" };
        var registration = new RoundRegistrationOptions();
        var tx = new RoundTx("update-registration", "Admin, before voting: change deactivation, voice credits or registration mode (absent = unchanged)")
            .With(deactivate);
        registration.AddTo(tx.Command);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var msg = new MsgUpdateRegistrationConfig
            {
                RoundId = id,
                VoiceCreditMode = registration.Credits(p, required: false),
                RegistrationMode = registration.Mode(p, required: false),
            };
            if (p.GetValue(deactivate) is { } d) msg.DeactivateEnabled = d;
            if (msg.VoiceCreditMode is null && msg.RegistrationMode is null && !msg.HasDeactivateEnabled)
                throw new CliException("nothing to change: give --deactivate, voice credits or a registration mode");
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct);
        });
    }
}
