using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Modules.Rounds.Keeper;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk.Events;

namespace Maci.Modules.Rounds.Types;

/// <summary>
/// Event types and factories. Message events carry what voters and operators rebuild state from: the chain index,
/// the chain length after the append, the data and encryption key; deactivate events also the sign-up count at
/// publication (the operator proves against the state tree of that moment); uploaded deactivate leaves in full.
/// </summary>
public static class RoundsEvents
{
    public const string KeyRoundId = "round_id";

    public static Event Simple(string type, ulong roundId) => new(type, new EventAttribute(KeyRoundId, roundId.ToString()));

    public static Event Created(Round round, RoundState state) => new("round_created",
        new EventAttribute(KeyRoundId, round.Id.ToString()),
        new EventAttribute("poll_id", round.Id.ToString()),
        new EventAttribute("kind", round.Kind.ToString()),
        new EventAttribute("admin", round.Admin),
        new EventAttribute("operator", round.Operator),
        new EventAttribute("coordinator_hash", state.CoordinatorHash, false),
        new EventAttribute("circuit_size", CircuitSizes.Name(round.CircuitSize)),
        new EventAttribute("voting_start", round.VotingStart.ToString()),
        new EventAttribute("voting_end", round.VotingEnd.ToString()));

    public static Event SignUp(ulong roundId, ulong index, in BabyJubjubPoint key, UInt128 balance, ulong numSignUps) => new("sign_up",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("state_index", index.ToString()),
        new EventAttribute("pubkey", $"{key.X},{key.Y}", false),
        new EventAttribute("balance", balance.ToString(), false),
        new EventAttribute("num_sign_ups", numSignUps.ToString(), false));

    public static Event NewKey(ulong roundId, ulong index, in BabyJubjubPoint key, in Fr nullifier, ReadOnlySpan<Fr> d, bool pre, ulong numSignUps) =>
        new(pre ? "pre_add_new_key" : "add_new_key",
            new EventAttribute(KeyRoundId, roundId.ToString()),
            new EventAttribute("state_index", index.ToString()),
            new EventAttribute("pubkey", $"{key.X},{key.Y}", false),
            new EventAttribute("nullifier", nullifier.ToString(), false),
            new EventAttribute("d", $"{d[0]},{d[1]},{d[2]},{d[3]}", false),
            new EventAttribute("num_sign_ups", numSignUps.ToString(), false));

    public static Event Message(ulong roundId, ulong index, ulong chainLength, Message message, in BabyJubjubPoint encKey) => new("publish_message",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("message_index", index.ToString()), // not "msg_index": the tx runner appends that (the msg's position in the tx) to every event
        new EventAttribute("msg_chain_length", chainLength.ToString(), false),
        new EventAttribute("data", string.Join(",", message.Data), false),
        new EventAttribute("enc_pub_key", $"{encKey.X},{encKey.Y}", false));

    public static Event DeactivateMessage(ulong roundId, ulong index, ulong chainLength, Message message, in BabyJubjubPoint encKey, ulong numSignUps) =>
        new("publish_deactivate_message",
            new EventAttribute(KeyRoundId, roundId.ToString()),
            new EventAttribute("dmsg_index", index.ToString()),
            new EventAttribute("dmsg_chain_length", chainLength.ToString(), false),
            new EventAttribute("data", string.Join(",", message.Data), false),
            new EventAttribute("enc_pub_key", $"{encKey.X},{encKey.Y}", false),
            new EventAttribute("num_sign_ups", numSignUps.ToString(), false));

    public static Event DeactivateLeaves(ulong roundId, IEnumerable<DeactivateLeaf> leaves) => new("upload_deactivate_message",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("leaves", string.Join(";", leaves.Select(l => string.Join(",", l.Values))), false));

    public static Event DeactivateProcessed(ulong roundId, ulong start, ulong end, in Fr root, in Fr commitment) => new("process_deactivate_message",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("start", start.ToString(), false),
        new EventAttribute("end", end.ToString(), false),
        new EventAttribute("new_deactivate_root", root.ToString(), false),
        new EventAttribute("new_deactivate_commitment", commitment.ToString(), false));

    public static Event Processed(ulong roundId, string type, ulong start, ulong end, ulong processed, in Fr commitment) => new(type,
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("start", start.ToString(), false),
        new EventAttribute("end", end.ToString(), false),
        new EventAttribute("processed", processed.ToString(), false),
        new EventAttribute("commitment", commitment.ToString(), false));

    public static Event PeriodChanged(ulong roundId, RoundState state) => new("period_changed",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("period", state.Period.ToString()));

    public static Event Results(ulong roundId, RoundResults results) => new("round_results",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("results", string.Join(",", results.Results), false),
        new EventAttribute("total", results.Total, false));

    public static Event Claimed(ulong roundId, ClaimPayout payout, string denom) => new("round_claimed",
        new EventAttribute(KeyRoundId, roundId.ToString()),
        new EventAttribute("to_operator", $"{payout.ToOperator}{denom}", false),
        new EventAttribute("to_admin", $"{payout.ToAdmin}{denom}", false),
        new EventAttribute("to_fee_recipient", $"{payout.ToFeeRecipient}{denom}", false),
        new EventAttribute("tally_timed_out", payout.TallyTimedOut ? "true" : "false", false));
}
