namespace Maci.Node.Producer;

/// <summary>The points of a height at which <see cref="BlockProducer.StageReached"/> is called, in order.</summary>
public enum ProducerStage
{
    /// <summary>The block and its FinalizeBlock results are stored; the application has not committed yet.</summary>
    BlockSaved,

    /// <summary>The application committed and the mempool was updated; the height is not indexed yet.</summary>
    Committed,

    /// <summary>The txs and the block are indexed (RPC now reports the height); events are not published yet.</summary>
    Indexed,
}
