using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Node.Chain;
using Maci.Node.Rpc;
using AbciProto = Maci.Proto.Tendermint.Abci;
using CometTypes = Maci.Proto.Tendermint.Types;

namespace Maci.Node.Hosting;

/// <summary>Translations between the ABCI protobuf messages and the node's block/result records.</summary>
public static class AbciMapping
{
    public static Timestamp ToTimestamp(ChainTime t) => new() { Seconds = t.Seconds, Nanos = t.Nanos };

    public static ExecTxResult ToExecTxResult(AbciProto.ExecTxResult r) => new(
        r.Code, r.Data.Length == 0 ? null : r.Data.ToByteArray(), r.Log, r.Info, r.GasWanted, r.GasUsed,
        r.Events.Select(ToEvent).ToArray(), r.Codespace);

    public static AbciEvent ToEvent(AbciProto.Event e) =>
        new(e.Type, e.Attributes.Select(a => new AbciEventAttribute(a.Key, a.Value, a.Index)).ToArray());

    public static ValidatorUpdate ToValidatorUpdate(AbciProto.ValidatorUpdate u)
    {
        if (u.PubKey is null || u.PubKey.SumCase != Maci.Proto.Tendermint.Crypto.PublicKey.SumOneofCase.Ed25519)
            throw new InvalidOperationException("validator updates must carry an ed25519 public key");
        return new ValidatorUpdate(u.PubKey.Ed25519.ToByteArray(), u.Power);
    }

    /// <summary>Consensus param updates from FinalizeBlock (null = no change). Only block params are applied by the host.</summary>
    public static ConsensusParams? ToConsensusParams(CometTypes.ConsensusParams? p)
    {
        if (p is null) return null;
        var d = new ConsensusParams();
        return d with
        {
            BlockMaxBytes = p.Block?.MaxBytes ?? d.BlockMaxBytes,
            BlockMaxGas = p.Block?.MaxGas ?? d.BlockMaxGas,
            EvidenceMaxAgeNumBlocks = p.Evidence?.MaxAgeNumBlocks ?? d.EvidenceMaxAgeNumBlocks,
            EvidenceMaxAgeDurationNs = p.Evidence?.MaxAgeDuration is { } dur ? dur.Seconds * 1_000_000_000 + dur.Nanos : d.EvidenceMaxAgeDurationNs,
            EvidenceMaxBytes = p.Evidence?.MaxBytes ?? d.EvidenceMaxBytes,
            PubKeyTypes = p.Validator is { } v ? v.PubKeyTypes.ToArray() : null,
            AppVersion = p.Version?.App ?? 0,
            VoteExtensionsEnableHeight = p.Abci?.VoteExtensionsEnableHeight ?? 0,
        };
    }

    public static CometTypes.ConsensusParams ToProto(ConsensusParams p)
    {
        var proto = new CometTypes.ConsensusParams
        {
            Block = new CometTypes.BlockParams { MaxBytes = p.BlockMaxBytes, MaxGas = p.BlockMaxGas },
            Evidence = new CometTypes.EvidenceParams
            {
                MaxAgeNumBlocks = p.EvidenceMaxAgeNumBlocks,
                MaxAgeDuration = Duration.FromTimeSpan(TimeSpan.FromTicks(p.EvidenceMaxAgeDurationNs / 100)),
                MaxBytes = p.EvidenceMaxBytes,
            },
            Validator = new CometTypes.ValidatorParams(),
            Version = new CometTypes.VersionParams { App = p.AppVersion },
            Abci = new CometTypes.ABCIParams { VoteExtensionsEnableHeight = p.VoteExtensionsEnableHeight },
        };
        proto.Validator.PubKeyTypes.AddRange(p.PubKeyTypeList);
        return proto;
    }

    public static AbciQueryResponse ToQueryResponse(AbciProto.ResponseQuery r) => new(
        r.Code, r.Log, r.Info, r.Index, r.Key.Length == 0 ? null : r.Key.ToByteArray(),
        r.Value.Length == 0 ? null : r.Value.ToByteArray(), r.Height, r.Codespace);

    public static AbciProto.RequestInitChain ToInitChain(GenesisInfo genesis)
    {
        var request = new AbciProto.RequestInitChain
        {
            Time = ToTimestamp(genesis.GenesisTime),
            ChainId = genesis.ChainId,
            ConsensusParams = ToProto(genesis.ConsensusParams),
            AppStateBytes = ByteString.CopyFromUtf8(genesis.AppStateJson ?? "{}"),
            InitialHeight = genesis.InitialHeight,
        };
        foreach (var v in genesis.Validators)
            request.Validators.Add(new AbciProto.ValidatorUpdate
            {
                PubKey = new Maci.Proto.Tendermint.Crypto.PublicKey { Ed25519 = ByteString.CopyFrom(v.Ed25519PubKey) },
                Power = v.Power,
            });
        return request;
    }
}
