using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;

namespace Maci.Modules.Bank.Keeper;

/// <summary>MsgSend and MsgMultiSend: stateless checks in ValidateBasic, stateful checks then writes in the handlers.</summary>
public sealed class BankMsgServer(BankKeeper keeper)
{
    /// <summary>Fixed gas per message type, charged before execution.</summary>
    public const ulong SendGas = 500;
    public const ulong MultiSendGas = 1000;

    public IReadOnlyList<MsgRoute> Routes =>
    [
        new MsgRoute<MsgSend>(MsgSend.Parser, m => [m.FromAddress], ValidateSend, Send, SendGas),
        new MsgRoute<MsgMultiSend>(MsgMultiSend.Parser, m => m.Inputs.Count > 0 ? [m.Inputs[0].Address] : [], ValidateMultiSend, MultiSend, MultiSendGas),
    ];

    public SdkError? ValidateSend(MsgSend msg)
    {
        if (keeper.Accounts.Codec.TryDecode(msg.FromAddress, out _) is { } e1) return e1.Prefix("invalid from address");
        if (keeper.Accounts.Codec.TryDecode(msg.ToAddress, out _) is { } e2) return e2.Prefix("invalid to address");
        if (ProtoCoins.TryFromProto(msg.Amount, out var amount) is { } e3) return e3;
        if (amount.IsEmpty) return SdkErrors.InvalidCoins.Wrap("send amount must be positive");
        return null;
    }

    public MsgResult Send(Context ctx, MsgSend msg)
    {
        keeper.Accounts.Codec.TryDecode(msg.FromAddress, out var from);
        keeper.Accounts.Codec.TryDecode(msg.ToAddress, out var to);
        ProtoCoins.TryFromProto(msg.Amount, out var amount);
        if (CheckSendEnabled(ctx, amount) is { } disabled) return disabled;
        if (keeper.Accounts.IsModuleAddress(to))
            return SdkErrors.Unauthorized.Wrap($"{msg.ToAddress} is not allowed to receive funds");
        if (keeper.SendCoins(ctx, from, to, amount) is { } err) return err;
        return MsgResult.Ok(new MsgSendResponse());
    }

    public SdkError? ValidateMultiSend(MsgMultiSend msg)
    {
        if (msg.Inputs.Count == 0) return BankErrors.NoInputs.Bare();
        if (msg.Inputs.Count != 1) return BankErrors.MultipleSenders.Bare();
        if (msg.Outputs.Count == 0) return BankErrors.NoOutputs.Bare();
        var input = msg.Inputs[0];
        if (keeper.Accounts.Codec.TryDecode(input.Address, out _) is { } e1) return e1.Prefix("invalid input address");
        if (ProtoCoins.TryFromProto(input.Coins, out var total) is { } e2) return e2;
        if (total.IsEmpty) return SdkErrors.InvalidCoins.Wrap("input coins must be positive");
        var sum = Coins.Empty;
        foreach (var o in msg.Outputs)
        {
            if (keeper.Accounts.Codec.TryDecode(o.Address, out _) is { } e3) return e3.Prefix("invalid output address");
            if (ProtoCoins.TryFromProto(o.Coins, out var c) is { } e4) return e4;
            if (c.IsEmpty) return SdkErrors.InvalidCoins.Wrap("output coins must be positive");
            sum = sum.Add(c);
        }
        if (!sum.Equals(total)) return BankErrors.InputOutputMismatch.Wrap($"inputs {total}, outputs {sum}");
        return null;
    }

    public MsgResult MultiSend(Context ctx, MsgMultiSend msg)
    {
        var input = msg.Inputs[0];
        keeper.Accounts.Codec.TryDecode(input.Address, out var from);
        ProtoCoins.TryFromProto(input.Coins, out var total);
        if (CheckSendEnabled(ctx, total) is { } disabled) return disabled;
        foreach (var o in msg.Outputs)
        {
            keeper.Accounts.Codec.TryDecode(o.Address, out var to);
            if (keeper.Accounts.IsModuleAddress(to)) return SdkErrors.Unauthorized.Wrap($"{o.Address} is not allowed to receive funds");
            ProtoCoins.TryFromProto(o.Coins, out var amount);
            if (keeper.SendCoins(ctx, from, to, amount) is { } err) return err;
        }
        return MsgResult.Ok(new MsgMultiSendResponse());
    }

    private SdkError? CheckSendEnabled(Context ctx, Coins amount)
    {
        foreach (var c in amount)
            if (!keeper.IsSendEnabled(ctx, c.Denom))
                return BankErrors.SendDisabled.Wrap($"{c.Denom} transfers are currently disabled");
        return null;
    }
}
