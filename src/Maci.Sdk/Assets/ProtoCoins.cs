using Maci.Sdk.Errors;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Sdk.Assets;

/// <summary>Conversions between typed coins and the protobuf <c>cosmos.base.v1beta1.Coin</c>.</summary>
public static class ProtoCoins
{
    public static ProtoCoin ToProto(this Coin c) => new() { Denom = c.Denom, Amount = c.Amount.ToString() };

    public static IEnumerable<ProtoCoin> ToProto(this Coins coins) => coins.Select(ToProto);

    /// <summary>Strict wire validation (sorted, unique, positive) of a repeated Coin field.</summary>
    public static SdkError? TryFromProto(IEnumerable<ProtoCoin> coins, out Coins result) =>
        Coins.TryFromWire(coins.Select(c => (c.Denom, c.Amount)), out result);
}
