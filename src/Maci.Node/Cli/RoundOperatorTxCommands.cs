using System.CommandLine;
using System.Text.Json;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid tx round upload-deactivate | process-deactivate | start-process | process | stop-process | tally | stop-tally |
/// claim | bond | withdraw</c>: the operator's and the processing txs. Proofs come from files and are checked before sending.
/// </summary>
public static class RoundOperatorTxCommands
{
    public static IEnumerable<Command> Create(CliIo io) =>
    [
        UploadDeactivate(io), ProcessDeactivate(io),
        Plain(io, "start-process", "After voting ends (all deactivate messages processed): start processing",
            (s, id) => new MsgStartProcessPeriod { Sender = s, RoundId = id }),
        Commitment(io, "process", "Process a message batch (proof-gated)", "--new-state-commitment",
            (s, id, c, proof) => new MsgProcessMessage { Sender = s, RoundId = id, NewStateCommitment = c, Proof = proof }),
        Plain(io, "stop-process", "End processing once every message is processed",
            (s, id) => new MsgStopProcessingPeriod { Sender = s, RoundId = id }),
        Commitment(io, "tally", "Tally a batch of voters (proof-gated)", "--new-tally-commitment",
            (s, id, c, proof) => new MsgProcessTally { Sender = s, RoundId = id, NewTallyCommitment = c, Proof = proof }),
        StopTally(io),
        Plain(io, "claim", "Pay the round's escrow out (after it ended, or after the tally timeout)",
            (s, id) => new MsgClaim { Sender = s, RoundId = id }),
        Bond(io), Withdraw(io),
    ];

    private static Option<string> ProofOption() => new("--proof")
    {
        Description = "Proof file (snarkjs proof.json, EVM {a,b,c} JSON or 512 hex characters)", Required = true,
    };

    private static Command Plain(CliIo io, string name, string description, Func<string, ulong, Google.Protobuf.IMessage> build)
    {
        var tx = new RoundTx(name, description);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            return await tx.SubmitAsync(p, io, sender => build(sender, id), ct);
        });
    }

    private static Command Commitment(CliIo io, string name, string description, string commitmentName,
        Func<string, ulong, string, Groth16Proof, Google.Protobuf.IMessage> build)
    {
        var commitment = new Option<string>(commitmentName) { Description = "The new commitment H2(root, salt)", Required = true };
        var proof = ProofOption();
        var tx = new RoundTx(name, description).With(commitment, proof);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var c = RoundCliText.ParseField(p.GetValue(commitment)!, commitmentName);
            var wire = ProofFile.Read(p.GetValue(proof)!);
            return await tx.SubmitAsync(p, io, sender => build(sender, id, c, wire), ct);
        });
    }

    private static Command ProcessDeactivate(CliIo io)
    {
        var size = new Option<string>("--size") { Description = "Messages in the batch (at most the circuit's batch size)", Required = true };
        var commitment = new Option<string>("--new-deactivate-commitment") { Required = true };
        var root = new Option<string>("--new-deactivate-root") { Required = true };
        var proof = ProofOption();
        var tx = new RoundTx("process-deactivate", "Process a batch of deactivate messages (proof-gated)").With(size, commitment, root, proof);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var msg = new MsgProcessDeactivateMessage
            {
                RoundId = id,
                Size = RoundCliText.ParseUInt(p.GetValue(size)!, "--size"),
                NewDeactivateCommitment = RoundCliText.ParseField(p.GetValue(commitment)!, "--new-deactivate-commitment"),
                NewDeactivateRoot = RoundCliText.ParseField(p.GetValue(root)!, "--new-deactivate-root"),
                Proof = ProofFile.Read(p.GetValue(proof)!),
            };
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct);
        });
    }

    private static Command UploadDeactivate(CliIo io)
    {
        var leaves = new Option<string[]>("--leaf") { Description = "A deactivate leaf c1.x,c1.y,c2.x,c2.y,H2(shared key); repeat", AllowMultipleArgumentsPerToken = false };
        var file = new Option<string?>("--leaves-file") { Description = "JSON array of 5-element arrays (Dora's deactivate_message)" };
        var tx = new RoundTx("upload-deactivate", "Operator: publish new deactivate leaves so voters can find theirs").With(leaves, file);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var rows = (p.GetValue(leaves) ?? []).Select((l, i) => RoundCliText.ParseFields(l, $"--leaf[{i}]", 5)).ToList();
            if (p.GetValue(file) is { } path) rows.AddRange(ReadLeaves(path));
            if (rows.Count == 0) throw new CliException("no deactivate leaves: give --leaf or --leaves-file");
            var msg = new MsgUploadDeactivateMessage { RoundId = id };
            foreach (var row in rows)
            {
                var leaf = new DeactivateLeaf();
                leaf.Values.AddRange(row);
                msg.Leaves.Add(leaf);
            }
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct);
        });
    }

    private static IEnumerable<List<string>> ReadLeaves(string path)
    {
        string[][]? rows;
        try
        {
            rows = JsonSerializer.Deserialize<string[][]>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"invalid --leaves-file '{path}': {e.Message}");
        }
        return (rows ?? []).Select((r, i) => RoundCliText.ParseFields(string.Join(",", r), $"leaves file row {i}", 5)).ToList();
    }

    private static Command StopTally(CliIo io)
    {
        var results = new Option<string>("--results") { Description = "Per-option results r0,r1,… (10^24·votes + voice credits)", Required = true };
        var salt = new Option<string>("--salt") { Description = "The tally salt of the last tally commitment", Required = true };
        var tx = new RoundTx("stop-tally", "End the round with its results (checked against the tally commitment)").With(results, salt);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var msg = new MsgStopTallyingPeriod { RoundId = id, Salt = RoundCliText.ParseField(p.GetValue(salt)!, "--salt") };
            msg.Results.AddRange(RoundCliText.ParseFields(p.GetValue(results)!, "--results"));
            return await tx.SubmitAsync(p, io, sender =>
            {
                msg.Sender = sender;
                return msg;
            }, ct);
        });
    }

    private static Command Bond(CliIo io)
    {
        var amount = new Argument<string>("amount") { Description = "One coin, e.g. 1000000umaci" };
        var tx = new RoundTx("bond", "MACI rounds: add funds to the round's escrow").With(amount);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var coin = InsuranceCliText.ParseCoin(p.GetValue(amount)!, "amount");
            return await tx.SubmitAsync(p, io, sender => new MsgBond { Sender = sender, RoundId = id, Amount = coin }, ct);
        });
    }

    private static Command Withdraw(CliIo io)
    {
        var amount = new Option<string?>("--amount") { Description = "One coin (default: everything)" };
        var tx = new RoundTx("withdraw", "MACI rounds, after they ended: pay the escrow to the admin").With(amount);
        return tx.Build(async (p, ct) =>
        {
            var id = tx.RoundId(p);
            var coin = p.GetValue(amount) is { } a ? InsuranceCliText.ParseCoin(a, "--amount") : null;
            return await tx.SubmitAsync(p, io, sender => new MsgWithdraw { Sender = sender, RoundId = id, Amount = coin }, ct);
        });
    }
}
