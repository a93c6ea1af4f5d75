namespace Maci.Abci.Tests.Crash;

public enum CrashStage
{
    /// <summary>FinalizeBlock executed the block; the response is never sent.</summary>
    Finalize,

    /// <summary>Commit was requested; the store has not persisted anything yet.</summary>
    CommitBefore,

    /// <summary>The store persisted the block; the Commit response is never sent.</summary>
    CommitAfter,
}
