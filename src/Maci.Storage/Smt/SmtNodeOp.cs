namespace Maci.Storage.Smt;

/// <summary>A node write produced by an update: put <see cref="Node"/> at <see cref="Key"/>, or delete it when null.</summary>
internal readonly record struct SmtNodeOp(byte[] Key, SmtNode? Node);
