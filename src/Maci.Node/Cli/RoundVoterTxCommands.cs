using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary><c>macid tx round signup | vote | publish | publish-deactivate | add-new-key | pre-add-new-key</c>.</summary>
public static class RoundVoterTxCommands
{
    public static IEnumerable<Command> Create(CliIo io) =>
    [
        SignUp(io), Vote(io), Publish(io), PublishDeactivate(io),
        NewKey(io, "add-new-key", "Join again with a new key after deactivation (proof-gated; pays the sign-up fee)", pre: false),
        NewKey(io, "pre-add-new-key", "Join a pre-populated round (proof-gated against the pre-deactivate root; pays the sign-up fee)", pre: true),
    ];

    private static Command SignUp(CliIo io)
    {
        var pubkey = new Option<string?>("--pubkey") { Description = "MACI public key X,Y (instead of a MACI key)" };
        var key = new MaciKeyOptions();
        var certificate = new Option<string?>("--certificate") { Description = "Oracle rounds: the oracle's signature (hex or base64)" };
        var amount = new Option<string?>("--amount") { Description = "Oracle rounds: the certified amount" };
        var tx = new RoundTx("signup", "Sign up a MACI key during voting (pays the sign-up fee; the state index is printed)")
            .With(pubkey, key.KeyFile, key.PrivateKey, certificate, amount);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var msg = new MsgSignUp { RoundId = id, Pubkey = RoundQueryCommands.VoterKey(p, pubkey, key, required: true) };
            if (p.GetValue(certificate) is { } c) msg.Certificate = ByteString.CopyFrom(RoundCliText.ParseCertificate(c));
            if (p.GetValue(amount) is { } a) msg.Amount = RoundCliText.ParseAmount(a, "--amount", positive: false);
            var (round, prm) = await tx.LoadAsync(p, id, ct);
            msg.Fee = round.Round.Kind == RoundKind.Maci ? null : RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(round.Round.Fees.SignupFee));
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct, new TxEventField("sign_up", "state_index", "state_index"));
        });
    }

    private static Command Vote(CliIo io)
    {
        var key = new MaciKeyOptions();
        var votes = new Option<string[]>("--vote")
        {
            Description = "OPTION:WEIGHT (repeat, or comma-separate, for several options); the weight replaces the option's earlier one",
            Required = true, AllowMultipleArgumentsPerToken = false,
        };
        var stateIndex = new Option<string?>("--state-index") { Description = "The voter's state index (default: looked up by the MACI key)" };
        var nonce = new Option<string>("--nonce") { Description = "Nonce of the first command (1 for a first vote or a full re-vote)", DefaultValueFactory = _ => "1" };
        var tx = new RoundTx("vote", "Vote: sign and encrypt the commands for the coordinator and publish them (aMACI: pays the message fees; MACI: legacy 7-element messages, no fee)")
            .With(key.KeyFile, key.PrivateKey, votes, stateIndex, nonce);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var voter = key.Resolve(p);
            var plan = ParseVotes(p.GetValue(votes)!);
            var firstNonce = RoundCliText.ParseUInt(p.GetValue(nonce)!, "--nonce");
            var given = p.GetValue(stateIndex) is { } s ? RoundCliText.ParseUInt(s, "--state-index") : (uint?)null;
            var (round, prm) = await tx.LoadAsync(p, id, ct);
            var maci = round.Round.Kind == RoundKind.Maci;
            var (index, coordinator) = await VoterContextAsync(tx, p, round, voter, given, id, ct);
            CheckVotes(round.Round, plan);
            var payload = maci
                ? VotePayload.MaciVotes(voter, coordinator, index, plan, firstNonce, await MessageFormatAsync(tx, p, id, ct), (uint)id)
                : VotePayload.Votes(voter, coordinator, index, (uint)id, plan, firstNonce);
            var msg = new MsgPublishMessage
            {
                RoundId = id,
                Fee = maci ? null : RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(round.Round.Fees.MessageFee) * (UInt128)payload.Count),
            };
            foreach (var item in payload)
            {
                msg.Messages.Add(item.Message);
                msg.EncPubKeys.Add(item.EncPubKey);
            }
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct, new TxEventField("publish_message", "msg_chain_length", "msg_chain_length"));
        });
    }

    /// <summary>The message format of a MACI round: the format of the circuit keys the round pinned at creation.</summary>
    internal static async Task<MaciMessageFormat> MessageFormatAsync(RoundTx tx, ParseResult p, ulong roundId, CancellationToken ct)
    {
        using var rpc = tx.Rpc(p);
        var keys = await RoundQueries.QueryAsync(rpc, "VerifyingKeys", new QueryVerifyingKeysRequest { RoundId = roundId },
            QueryVerifyingKeysResponse.Parser, ct);
        return keys.Keys?.MaciFormat switch
        {
            null or MaciFormat.Legacy => MaciMessageFormat.Legacy,
            MaciFormat.PollId => MaciMessageFormat.PollId,
            var other => throw new CliException($"round {roundId} uses MACI message format {other}, which this macid does not know"),
        };
    }

    /// <summary>
    /// The voter's state index (given, or looked up by key) and the round's coordinator key. aMACI commands carry the round id
    /// as their 32-bit poll id; MACI rounds have no deactivation.
    /// </summary>
    private static async Task<(uint Index, BabyJubjubPoint Coordinator)> VoterContextAsync(RoundTx tx, ParseResult p, QueryRoundResponse round,
        MaciKeypair voter, uint? given, ulong id, CancellationToken ct, bool deactivate = false)
    {
        if (round.Round.Kind == RoundKind.Maci && deactivate)
            throw new CliException($"round {id} is a MACI round: MACI has no deactivation (publish-deactivate is for aMACI rounds)");
        if (round.Round.Kind == RoundKind.Amaci && id > uint.MaxValue) throw new CliException($"round {id} does not fit the 32-bit poll id of a command");
        var coordinator = RoundCliText.ParsePoint($"{round.Round.Coordinator?.X},{round.Round.Coordinator?.Y}", "coordinator key from the node");
        if (given is { } g) return (g, coordinator);
        using var rpc = tx.Rpc(p);
        var found = await RoundQueries.QueryAsync(rpc, "SignUpIndex",
            new QuerySignUpIndexRequest { RoundId = id, Pubkey = RoundCliText.ToProto(voter.PublicKey) }, QuerySignUpIndexResponse.Parser, ct);
        if (!found.Found) throw new CliException($"this MACI key has not signed up in round {id} (give --state-index if it joined with another key)");
        return ((uint)found.StateIndex, coordinator);
    }

    private static List<(uint Option, UInt128 Weight)> ParseVotes(IEnumerable<string> texts)
    {
        var plan = new List<(uint Option, UInt128 Weight)>();
        foreach (var part in texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || !uint.TryParse(kv[0], NumberStyles.None, CultureInfo.InvariantCulture, out var option)
                || !UInt128.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > CommandPacking.MaxVotes)
                throw new CliException($"invalid --vote '{RoundCliText.Clip(part)}': expected OPTION:WEIGHT, e.g. 0:3");
            if (plan.Any(v => v.Option == option)) throw new CliException($"invalid --vote: option {option} is given twice");
            plan.Add((option, weight));
        }
        if (plan.Count == 0) throw new CliException("no --vote given");
        return plan.OrderBy(v => v.Option).ToList();
    }

    /// <summary>What the circuit would silently drop, refused here: unknown options, weights over the cap, costs over unified credits.</summary>
    private static void CheckVotes(Round round, List<(uint Option, UInt128 Weight)> plan)
    {
        foreach (var (option, weight) in plan)
        {
            if (option >= round.VoteOptions.Count)
                throw new CliException($"invalid --vote: option {option} does not exist (round {round.Id} has {round.VoteOptions.Count} options)");
            if (round.MaxVotesPerOption > 0 && weight > round.MaxVotesPerOption)
                throw new CliException($"invalid --vote: weight {weight} for option {option} exceeds the round's cap of {round.MaxVotesPerOption}");
        }
        if (round.VoiceCreditMode is { Dynamic: false } credits && credits.UnifiedAmount.Length > 0)
        {
            var quadratic = round.CircuitType == CircuitType.Quadratic;
            var cost = plan.Aggregate(System.Numerics.BigInteger.Zero, (sum, v) => sum + (quadratic ? (System.Numerics.BigInteger)v.Weight * v.Weight : v.Weight));
            var budget = RoundCliText.StoredAmount(credits.UnifiedAmount);
            if (cost > budget) throw new CliException($"invalid --vote: the votes cost {cost} voice credits, the round gives {budget}");
        }
    }

    private static Command Publish(CliIo io)
    {
        var messages = new Option<string[]>("--message") { Description = "Encrypted message: comma-separated field elements (10 aMACI, 7 MACI); repeat", Required = true, AllowMultipleArgumentsPerToken = false };
        var encKeys = new Option<string[]>("--enc-pubkey") { Description = "Its ephemeral public key X,Y; repeat in the same order", Required = true, AllowMultipleArgumentsPerToken = false };
        var tx = new RoundTx("publish", "Publish prebuilt encrypted messages (for tools; pays the message fees)").With(messages, encKeys);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var (texts, keys) = (p.GetValue(messages)!, p.GetValue(encKeys)!);
            if (texts.Length != keys.Length) throw new CliException($"{texts.Length} --message with {keys.Length} --enc-pubkey (need one key per message)");
            var data = texts.Select((t, i) => RoundCliText.ParseFields(t, $"--message[{i}]")).ToList();
            var msg = new MsgPublishMessage { RoundId = id };
            for (var i = 0; i < texts.Length; i++)
            {
                var m = new Message();
                m.Data.AddRange(data[i]);
                msg.Messages.Add(m);
                msg.EncPubKeys.Add(RoundCliText.ToProto(RoundCliText.ParsePoint(keys[i], $"--enc-pubkey[{i}]")));
            }
            var (round, prm) = await tx.LoadAsync(p, id, ct);
            var length = round.Round.Kind == RoundKind.Maci ? MaciLegacyMessage.Length : MaciMessage.Length;
            for (var i = 0; i < data.Count; i++)
                if (data[i].Count != length) throw new CliException($"invalid --message[{i}]: round {id} takes {length} elements per message, got {data[i].Count}");
            msg.Fee = round.Round.Kind == RoundKind.Maci ? null
                : RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(round.Round.Fees.MessageFee) * (UInt128)texts.Length);
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct, new TxEventField("publish_message", "msg_chain_length", "msg_chain_length"));
        });
    }

    private static Command PublishDeactivate(CliIo io)
    {
        var key = new MaciKeyOptions();
        var stateIndex = new Option<string?>("--state-index") { Description = "The voter's state index (default: looked up by the MACI key)" };
        var nonce = new Option<string>("--nonce") { Description = "Command nonce (Dora: 0)", DefaultValueFactory = _ => "0" };
        var tx = new RoundTx("publish-deactivate", "Deactivate the voter's key: a signed, encrypted deactivate command (pays the deactivate fee)")
            .With(key.KeyFile, key.PrivateKey, stateIndex, nonce);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var voter = key.Resolve(p);
            var n = RoundCliText.ParseUInt(p.GetValue(nonce)!, "--nonce");
            var given = p.GetValue(stateIndex) is { } s ? RoundCliText.ParseUInt(s, "--state-index") : (uint?)null;
            var (round, prm) = await tx.LoadAsync(p, id, ct);
            var (index, coordinator) = await VoterContextAsync(tx, p, round, voter, given, id, ct, deactivate: true);
            var item = VotePayload.Deactivate(voter, coordinator, index, (uint)id, n);
            var msg = new MsgPublishDeactivateMessage
            {
                RoundId = id, Message = item.Message, EncPubKey = item.EncPubKey,
                Fee = RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(round.Round.Fees.DeactivateFee)),
            };
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct, new TxEventField("publish_deactivate_message", "dmsg_chain_length", "dmsg_chain_length"));
        });
    }

    private static Command NewKey(CliIo io, string name, string description, bool pre)
    {
        var pubkey = new Option<string?>("--pubkey") { Description = "The new MACI public key X,Y (instead of a MACI key)" };
        var key = new MaciKeyOptions();
        var nullifier = new Option<string>("--nullifier") { Description = "H2(old secret scalar, poll id)", Required = true };
        var d = new Option<string>("--d") { Description = "The re-randomised ciphertext d1.x,d1.y,d2.x,d2.y", Required = true };
        var proof = new Option<string>("--proof") { Description = "Proof file (snarkjs proof.json, EVM {a,b,c} JSON or 512 hex characters)", Required = true };
        var tx = new RoundTx(name, description).With(pubkey, key.KeyFile, key.PrivateKey, nullifier, d, proof);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var newKey = RoundQueryCommands.VoterKey(p, pubkey, key, required: true)!;
            var n = RoundCliText.ParseField(p.GetValue(nullifier)!, "--nullifier");
            var dValues = RoundCliText.ParseFields(p.GetValue(d)!, "--d", 4);
            var wire = ProofFile.Read(p.GetValue(proof)!);
            var (round, prm) = await tx.LoadAsync(p, id, ct);
            var fee = RoundCliText.Fee(prm.Denom, RoundCliText.StoredAmount(round.Round.Fees.SignupFee));
            var field = new TxEventField(pre ? "pre_add_new_key" : "add_new_key", "state_index", "state_index");
            return await tx.SubmitAsync(p, io, sender =>
            {
                if (pre)
                {
                    var m = new MsgPreAddNewKey { Sender = sender, RoundId = id, Pubkey = newKey, Nullifier = n, Proof = wire, Fee = fee };
                    m.D.AddRange(dValues);
                    return m;
                }
                var msg = new MsgAddNewKey { Sender = sender, RoundId = id, Pubkey = newKey, Nullifier = n, Proof = wire, Fee = fee };
                msg.D.AddRange(dValues);
                return msg;
            }, ct, field);
        });
    }
}
