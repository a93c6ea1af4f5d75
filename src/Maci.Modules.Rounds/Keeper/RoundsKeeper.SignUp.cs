using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Cosmos;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    public SdkError? SignUp(Context ctx, byte[] sender, MsgSignUp m, out ulong stateIndex)
    {
        stateIndex = 0;
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequireVoting(ctx, round, state, "sign up") is { } ve) return ve;
        if (Fields.TryParsePoint(m.Pubkey, "pubkey", out var pubkey) is { } pe) return pe;
        var store = Store(ctx);
        if (GetSignUpIndex(ctx, round.Id, pubkey) is not null) return RoundsErrors.AlreadySignedUp.Wrap("this public key is already registered");
        if (Registration(ctx, round, sender, pubkey, m.Certificate.Span, m.Amount, out var balance, out var markKey) is { } re) return re;
        if (balance == UInt128.Zero) return RoundsErrors.RegistrationRefused.Wrap("voice credit balance would be zero");
        var capacity = round.Kind == RoundKind.Maci ? round.MaxVoters : CircuitSizes.Pow5(round.CircuitSize.StateTreeDepth);
        if (state.NumSignUps >= capacity) return RoundsErrors.TreeFull.Wrap($"round {round.Id} holds {capacity} voters");
        var p = GetParams(ctx);
        var fee = round.Kind == RoundKind.Maci ? UInt128.Zero : Amount(round.Fees.SignupFee);
        if (CheckFee(m.Fee, p.Denom, fee, "sign up") is { } fe) return fe;
        if (Escrow(ctx, sender, p.Denom, fee, state) is { } be) return be;

        var bal = Fr.FromBigInteger((BigInteger)balance);
        var leaf = round.Kind == RoundKind.Maci
            ? AmaciHashes.MaciStateLeaf(pubkey, bal, Fr.Zero, Fr.Zero)
            : AmaciHashes.SignUpLeaf(pubkey, bal);
        stateIndex = InsertLeaf(ctx, round, state, pubkey, leaf);
        if (markKey is not null) store.Set(markKey, [1]);
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.SignUp(round.Id, stateIndex, pubkey, balance, state.NumSignUps));
        return null;
    }

    /// <summary>Writes a new state leaf at index numSignUps and indexes its key.</summary>
    internal ulong InsertLeaf(Context ctx, Round round, RoundState state, in BabyJubjubPoint pubkey, in Fr leaf)
    {
        var index = state.NumSignUps;
        StateTree(ctx, round, index).Update((long)index, leaf);
        Store(ctx).Set(SignUpKey(round.Id, pubkey), Keys.U64(index));
        state.NumSignUps = index + 1;
        return index;
    }

    /// <summary>The registration-mode check of sign-up: who may join and with what balance.</summary>
    private SdkError? Registration(Context ctx, Round round, byte[] sender, in BabyJubjubPoint pubkey, ReadOnlySpan<byte> certificate,
        string amountText, out UInt128 balance, out byte[]? markKey)
    {
        balance = UInt128.Zero;
        markKey = null;
        var dynamic = round.VoiceCreditMode.Dynamic;
        var unified = dynamic ? UInt128.Zero : Amount(round.VoiceCreditMode.UnifiedAmount);
        switch (round.RegistrationMode.ModeCase)
        {
            case RegistrationMode.ModeOneofCase.StaticWhitelist:
            {
                var bech = Accounts.Codec.Encode(sender);
                WhitelistEntry? entry = null;
                foreach (var u in round.RegistrationMode.StaticWhitelist.Users)
                    if (Accounts.Codec.TryNormalize(u.Address, out var n) is null && n == bech) { entry = u; break; }
                if (entry is null) return RoundsErrors.NotWhitelisted.Wrap(bech);
                markKey = Keys.WhitelistUsed(round.Id, sender);
                if (Store(ctx).Has(markKey)) return RoundsErrors.AlreadySignedUp.Wrap($"{bech} has already signed up");
                balance = dynamic ? Amount(entry.VoiceCreditAmount) : unified;
                break;
            }
            case RegistrationMode.ModeOneofCase.Oracle:
            {
                if (!Coin.TryParseAmount(amountText.Length == 0 && !dynamic ? unified.ToString() : amountText, out var amount))
                    return RoundsErrors.InvalidAmount.Wrap($"amount '{Fields.Clip(amountText)}' is not a non-negative integer");
                if (!dynamic && amountText.Length != 0 && amount != unified)
                    return RoundsErrors.InvalidCertificate.Wrap("in unified mode the certified amount is the unified amount");
                var message = OracleCertificateMessage(ctx.ChainId, round.Id, dynamic ? amount : unified, pubkey);
                if (certificate.Length != 64 || !Secp256k1.VerifySha256(round.RegistrationMode.Oracle.OraclePubkey.Span, message, certificate))
                    return RoundsErrors.InvalidCertificate.Wrap("the oracle signature does not verify");
                Span<byte> x = stackalloc byte[32];
                Span<byte> y = stackalloc byte[32];
                pubkey.X.WriteBytesBigEndian(x);
                pubkey.Y.WriteBytesBigEndian(y);
                markKey = Keys.OracleUsed(round.Id, x, y);
                if (Store(ctx).Has(markKey)) return RoundsErrors.AlreadySignedUp.Wrap("this certificate's key has already signed up");
                balance = round.Kind == RoundKind.Maci ? VotingPower(round.VotingPower, amount) : dynamic ? amount : unified;
                break;
            }
            case RegistrationMode.ModeOneofCase.PrePopulated:
                return RoundsErrors.RegistrationRefused.Wrap("a pre-populated round is joined with pre-add-new-key");
            default:
                return RoundsErrors.RegistrationRefused.Wrap("the round has no registration mode");
        }
        return null;
    }

    /// <summary>MACI voting power: Slope → amount / slope; Threshold → 1 when amount ≥ threshold, else 0.</summary>
    public static UInt128 VotingPower(VotingPowerArgs? args, UInt128 amount)
    {
        if (args is null) return amount;
        if (args.Mode == VotingPowerArgs.Types.Mode.Threshold)
            return amount >= Amount(args.Threshold) ? UInt128.One : UInt128.Zero;
        return amount / Amount(args.Slope);
    }

    /// <summary>
    /// The bytes the oracle signs (SHA-256 is applied by the verifier): Dora's compact JSON
    /// {"amount":"A","contract_address":"C","pubkey_x":"X","pubkey_y":"Y"}. A round has no contract address, so C
    /// is the SHA-256 of the UTF-8 string "{chain_id}/rounds/{round_id}" read as a little-endian integer (decimal),
    /// which binds the certificate to one round of one chain as Dora binds it to one contract.
    /// </summary>
    public static byte[] OracleCertificateMessage(string chainId, ulong roundId, UInt128 amount, in BabyJubjubPoint pubkey)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{chainId}/rounds/{roundId}"));
        var c = new BigInteger(digest, isUnsigned: true, isBigEndian: false);
        var json = "{\"amount\":\"" + amount.ToString(CultureInfo.InvariantCulture) + "\",\"contract_address\":\"" +
                   c.ToString(CultureInfo.InvariantCulture) + "\",\"pubkey_x\":\"" + pubkey.X + "\",\"pubkey_y\":\"" + pubkey.Y + "\"}";
        return Encoding.UTF8.GetBytes(json);
    }
}
