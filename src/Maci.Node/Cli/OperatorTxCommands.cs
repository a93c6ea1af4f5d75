using System.CommandLine;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Cli;

/// <summary><c>macid tx operator register | update | deposit | withdraw | deregister</c> (insurance module Msgs).</summary>
public static class OperatorTxCommands
{
    public static Command Create(CliIo io)
    {
        var op = new Command("operator", "Insurance operator transactions");
        op.Subcommands.Add(Register(io));
        op.Subcommands.Add(Update(io));
        op.Subcommands.Add(Amount(io, "deposit", "Add to the operator deposit",
            (sender, coin) => new MsgDeposit { Operator = sender, Amount = coin }));
        op.Subcommands.Add(Amount(io, "withdraw", "Start unbonding part of the available deposit",
            (sender, coin) => new MsgWithdraw { Operator = sender, Amount = coin }));
        op.Subcommands.Add(Deregister(io));
        return op;
    }

    private static Argument<string> From() => new("from") { Description = "Operator key name or address (in the keyring)" };

    private sealed class MetadataOptions
    {
        public Option<string?> Moniker { get; } = new("--moniker");
        public Option<string?> Website { get; } = new("--website");
        public Option<string?> Identity { get; } = new("--identity");
        public Option<string?> LossRatio { get; } = new("--loss-ratio") { Description = "Coverage per premium as n/d: coverage = premium·d/n" };
        public Option<string?> MinPremium { get; } = new("--min-premium") { Description = "Minimum premium (amount in the insurance denom)" };
        public Option<string?> MaxPremium { get; } = new("--max-premium") { Description = "Maximum premium (amount in the insurance denom)" };

        public void AddTo(Command c)
        {
            foreach (var o in new Option[] { Moniker, Website, Identity, LossRatio, MinPremium, MaxPremium }) c.Options.Add(o);
        }

        public InsuranceTerms? Terms(ParseResult p, bool required) =>
            InsuranceCliText.ParseTerms(p.GetValue(LossRatio), p.GetValue(MinPremium), p.GetValue(MaxPremium), required);
    }

    private static Command Register(CliIo io)
    {
        var from = From();
        var pubkey = new Option<string>("--pubkey") { Description = "Coordinator Baby Jubjub key X,Y (decimal)", Required = true };
        var deposit = new Option<string>("--deposit") { Description = "Initial deposit, e.g. 1000000umaci", Required = true };
        var meta = new MetadataOptions();
        var flags = new TxFlags();
        var command = new Command("register", "Register as an insurance operator") { from, pubkey, deposit };
        meta.AddTo(command);
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var key = InsuranceCliText.ParsePubKey(parse.GetValue(pubkey)!);
            var coin = InsuranceCliText.ParseCoin(parse.GetValue(deposit)!, "--deposit");
            var terms = meta.Terms(parse, required: true);
            return await TxCommands.SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender =>
            [
                new MsgRegisterOperator
                {
                    Operator = sender, PubKey = key, Deposit = coin, Terms = terms,
                    Moniker = parse.GetValue(meta.Moniker) ?? "", Website = parse.GetValue(meta.Website) ?? "",
                    Identity = parse.GetValue(meta.Identity) ?? "",
                },
            ], ct);
        });
        return command;
    }

    private static Command Update(CliIo io)
    {
        var from = From();
        var pubkey = new Option<string?>("--pubkey") { Description = "New coordinator key X,Y (only with nothing locked)" };
        var meta = new MetadataOptions();
        var flags = new TxFlags();
        var command = new Command("update", "Update operator metadata, terms or key (absent fields stay)") { from, pubkey };
        meta.AddTo(command);
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var key = parse.GetValue(pubkey) is { } k ? InsuranceCliText.ParsePubKey(k) : null;
            var terms = meta.Terms(parse, required: false);
            return await TxCommands.SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender =>
            {
                var msg = new MsgUpdateOperator { Operator = sender, PubKey = key, Terms = terms };
                if (parse.GetValue(meta.Moniker) is { } m) msg.Moniker = m;
                if (parse.GetValue(meta.Website) is { } w) msg.Website = w;
                if (parse.GetValue(meta.Identity) is { } i) msg.Identity = i;
                return [msg];
            }, ct);
        });
        return command;
    }

    private static Command Amount(CliIo io, string name, string description,
        Func<string, Maci.Proto.Cosmos.Base.V1Beta1.Coin, Google.Protobuf.IMessage> build)
    {
        var from = From();
        var amount = new Argument<string>("amount") { Description = "One coin, e.g. 1000000umaci" };
        var flags = new TxFlags();
        var command = new Command(name, description) { from, amount };
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var coin = InsuranceCliText.ParseCoin(parse.GetValue(amount)!, "amount");
            return await TxCommands.SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender => [build(sender, coin)], ct);
        });
        return command;
    }

    private static Command Deregister(CliIo io)
    {
        var from = From();
        var flags = new TxFlags();
        var command = new Command("deregister", "Deregister (nothing may be locked); the available deposit starts unbonding") { from };
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
            await TxCommands.SubmitAsync(parse, flags, io, parse.GetValue(from)!, sender => [new MsgDeregisterOperator { Operator = sender }], ct));
        return command;
    }
}
