namespace Maci.Storage.Smt;

internal enum SmtNodeKind : byte
{
    Empty = 0,
    Leaf = 1,
    Internal = 2,
}
