using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>Which Response member answers which Request member (written out, as CometBFT's client does).</summary>
public static class AbciResponseKinds
{
    public static Response.ValueOneofCase For(Request.ValueOneofCase request) => request switch
    {
        Request.ValueOneofCase.Echo => Response.ValueOneofCase.Echo,
        Request.ValueOneofCase.Flush => Response.ValueOneofCase.Flush,
        Request.ValueOneofCase.Info => Response.ValueOneofCase.Info,
        Request.ValueOneofCase.InitChain => Response.ValueOneofCase.InitChain,
        Request.ValueOneofCase.Query => Response.ValueOneofCase.Query,
        Request.ValueOneofCase.CheckTx => Response.ValueOneofCase.CheckTx,
        Request.ValueOneofCase.Commit => Response.ValueOneofCase.Commit,
        Request.ValueOneofCase.ListSnapshots => Response.ValueOneofCase.ListSnapshots,
        Request.ValueOneofCase.OfferSnapshot => Response.ValueOneofCase.OfferSnapshot,
        Request.ValueOneofCase.LoadSnapshotChunk => Response.ValueOneofCase.LoadSnapshotChunk,
        Request.ValueOneofCase.ApplySnapshotChunk => Response.ValueOneofCase.ApplySnapshotChunk,
        Request.ValueOneofCase.PrepareProposal => Response.ValueOneofCase.PrepareProposal,
        Request.ValueOneofCase.ProcessProposal => Response.ValueOneofCase.ProcessProposal,
        Request.ValueOneofCase.ExtendVote => Response.ValueOneofCase.ExtendVote,
        Request.ValueOneofCase.VerifyVoteExtension => Response.ValueOneofCase.VerifyVoteExtension,
        Request.ValueOneofCase.FinalizeBlock => Response.ValueOneofCase.FinalizeBlock,
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "No response type for this request."),
    };
}
