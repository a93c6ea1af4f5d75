using System.Runtime.CompilerServices;

namespace Maci.Storage.Smt;

/// <summary>A SHA-256 digest stored inline (no separate array per hash).</summary>
[InlineArray(SmtHasher.Size)]
internal struct Hash32
{
    private byte _element;
}
