using Maci.Crypto.Bn254;
using Maci.Crypto.Trees;
using Maci.Modules.Rounds.Types;
using Maci.Storage;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>A round's state tree nodes in the module store: only written nodes exist, the rest read as zero hashes.</summary>
internal sealed class StateTreeNodes(IKvStore store, ulong roundId) : ITreeNodeStore
{
    public bool TryGet(int level, long index, out Fr value)
    {
        var bytes = store.Get(Keys.StateNode(roundId, level, index));
        if (bytes is null)
        {
            value = default;
            return false;
        }
        value = Fields.FromStored(bytes);
        return true;
    }

    public void Set(int level, long index, in Fr value)
    {
        Span<byte> b = stackalloc byte[32];
        value.WriteBytesBigEndian(b);
        store.Set(Keys.StateNode(roundId, level, index), b);
    }
}
