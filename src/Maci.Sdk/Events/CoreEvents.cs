using Maci.Sdk.Assets;

namespace Maci.Sdk.Events;

/// <summary>SDK-wide event types and constructors shared by the ante chain, the bank keeper and the runner.</summary>
public static class CoreEvents
{
    public const string TypeTx = "tx";
    public const string TypeMessage = "message";
    public const string TypeTransfer = "transfer";
    public const string TypeCoinSpent = "coin_spent";
    public const string TypeCoinReceived = "coin_received";

    public const string KeyAccSeq = "acc_seq";
    public const string KeySignature = "signature";
    public const string KeyFee = "fee";
    public const string KeyFeePayer = "fee_payer";
    public const string KeyAction = "action";
    public const string KeySender = "sender";
    public const string KeyModule = "module";
    public const string KeyMsgIndex = "msg_index";
    public const string KeyRecipient = "recipient";
    public const string KeyAmount = "amount";
    public const string KeySpender = "spender";
    public const string KeyReceiver = "receiver";

    public static Event TxFee(Coins fee, string payer) =>
        new(TypeTx, new EventAttribute(KeyFee, fee.ToString()), new EventAttribute(KeyFeePayer, payer));

    public static Event TxAccSeq(string address, ulong sequence) =>
        new(TypeTx, new EventAttribute(KeyAccSeq, $"{address}/{sequence}"));

    public static Event TxSignature(string base64Signature) =>
        new(TypeTx, new EventAttribute(KeySignature, base64Signature));

    public static Event MessageAction(string typeUrl) => new(TypeMessage, new EventAttribute(KeyAction, typeUrl));

    public static Event MessageSender(string sender) => new(TypeMessage, new EventAttribute(KeySender, sender));

    public static Event MessageModule(string module) => new(TypeMessage, new EventAttribute(KeyModule, module));

    public static Event Transfer(string recipient, string sender, Coins amount) =>
        new(TypeTransfer,
            new EventAttribute(KeyRecipient, recipient),
            new EventAttribute(KeySender, sender),
            new EventAttribute(KeyAmount, amount.ToString()));

    public static Event CoinSpent(string spender, Coins amount) =>
        new(TypeCoinSpent, new EventAttribute(KeySpender, spender), new EventAttribute(KeyAmount, amount.ToString()));

    public static Event CoinReceived(string receiver, Coins amount) =>
        new(TypeCoinReceived, new EventAttribute(KeyReceiver, receiver), new EventAttribute(KeyAmount, amount.ToString()));
}
