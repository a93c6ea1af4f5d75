using Maci.Sdk.Events;

namespace Maci.Modules.Insurance.Types;

/// <summary>Event types (snake_case, past tense), attribute keys and one factory per event.</summary>
public static class InsuranceEvents
{
    public const string TypeOperatorRegistered = "operator_registered";
    public const string TypeOperatorUpdated = "operator_updated";
    public const string TypeOperatorDeregistered = "operator_deregistered";
    public const string TypeDepositAdded = "deposit_added";
    public const string TypeWithdrawalStarted = "withdrawal_started";
    public const string TypeWithdrawalCompleted = "withdrawal_completed";
    public const string TypeInsuranceBought = "insurance_bought";
    public const string TypeDeactivationsRecorded = "deactivations_recorded";
    public const string TypeOperatorSlashed = "operator_slashed";
    public const string TypeTallyRecorded = "tally_recorded";
    public const string TypePolicySettled = "policy_settled";

    public const string KeyOperator = "operator";
    public const string KeyOwner = "owner";
    public const string KeyRoundId = "round_id";
    public const string KeyAmount = "amount";
    public const string KeyDeposit = "deposit";
    public const string KeyPubKey = "pub_key";
    public const string KeyKeyRotated = "key_rotated";
    public const string KeyCompletionTime = "completion_time";
    public const string KeyPremium = "premium";
    public const string KeyCoverage = "coverage";
    public const string KeyVotingPart = "voting_part";
    public const string KeyTallyPart = "tally_part";
    public const string KeyReason = "reason";
    public const string KeyCount = "count";
    public const string KeyLateCount = "late_count";
    public const string KeyPending = "pending";
    public const string KeyOutcome = "outcome";
    public const string KeySlashed = "slashed";
    public const string KeyUnlocked = "unlocked";

    public const string ReasonLateDeactivation = "late_deactivation";
    public const string ReasonLateTally = "late_tally";
    public const string ReasonMissedTally = "missed_tally";

    private static EventAttribute A(string key, string value, bool index = false) => new(key, value, index);

    public static Event OperatorRegistered(string op, string pubKey, string deposit) =>
        new(TypeOperatorRegistered, A(KeyOperator, op, true), A(KeyPubKey, pubKey), A(KeyDeposit, deposit));

    public static Event OperatorUpdated(string op, bool keyRotated) =>
        new(TypeOperatorUpdated, A(KeyOperator, op, true), A(KeyKeyRotated, keyRotated ? "true" : "false"));

    public static Event OperatorDeregistered(string op, string unbonding, long completion) =>
        new(TypeOperatorDeregistered, A(KeyOperator, op, true), A(KeyAmount, unbonding), A(KeyCompletionTime, completion.ToString()));

    public static Event DepositAdded(string op, string amount, string deposit) =>
        new(TypeDepositAdded, A(KeyOperator, op, true), A(KeyAmount, amount), A(KeyDeposit, deposit));

    public static Event WithdrawalStarted(string op, string amount, long completion) =>
        new(TypeWithdrawalStarted, A(KeyOperator, op, true), A(KeyAmount, amount), A(KeyCompletionTime, completion.ToString()));

    public static Event WithdrawalCompleted(string op, string amount) =>
        new(TypeWithdrawalCompleted, A(KeyOperator, op, true), A(KeyAmount, amount));

    public static Event InsuranceBought(ulong round, string op, string owner, string premium, string coverage,
        string votingPart, string tallyPart) =>
        new(TypeInsuranceBought, A(KeyRoundId, round.ToString(), true), A(KeyOperator, op, true), A(KeyOwner, owner, true),
            A(KeyPremium, premium), A(KeyCoverage, coverage), A(KeyVotingPart, votingPart), A(KeyTallyPart, tallyPart));

    public static Event DeactivationsRecorded(ulong round, string op, ulong count, ulong late, ulong pending) =>
        new(TypeDeactivationsRecorded, A(KeyRoundId, round.ToString(), true), A(KeyOperator, op, true),
            A(KeyCount, count.ToString()), A(KeyLateCount, late.ToString()), A(KeyPending, pending.ToString()));

    public static Event OperatorSlashed(ulong round, string op, string reason, string amount) =>
        new(TypeOperatorSlashed, A(KeyRoundId, round.ToString(), true), A(KeyOperator, op, true),
            A(KeyReason, reason), A(KeyAmount, amount));

    public static Event TallyRecorded(ulong round, string op, string outcome) =>
        new(TypeTallyRecorded, A(KeyRoundId, round.ToString(), true), A(KeyOperator, op, true), A(KeyOutcome, outcome));

    public static Event PolicySettled(ulong round, string op, string owner, string slashed, string unlocked, string premium) =>
        new(TypePolicySettled, A(KeyRoundId, round.ToString(), true), A(KeyOperator, op, true), A(KeyOwner, owner, true),
            A(KeySlashed, slashed), A(KeyUnlocked, unlocked), A(KeyPremium, premium));
}
