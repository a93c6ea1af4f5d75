namespace Maci.Crypto.Bn254;

/// <summary>
/// A term count known when the JIT compiles: <see cref="Montgomery{TM}.Dot{TN}"/> is specialised per implementing
/// struct, so its unrolled body keeps exactly the terms it needs.
/// </summary>
internal interface ITermCount
{
    static abstract int N { get; }
}

internal readonly struct Terms2 : ITermCount { public static int N => 2; }

internal readonly struct Terms3 : ITermCount { public static int N => 3; }

internal readonly struct Terms4 : ITermCount { public static int N => 4; }

internal readonly struct Terms5 : ITermCount { public static int N => 5; }

internal readonly struct Terms6 : ITermCount { public static int N => 6; }

internal readonly struct Terms7 : ITermCount { public static int N => 7; }

internal readonly struct Terms8 : ITermCount { public static int N => 8; }

internal readonly struct Terms9 : ITermCount { public static int N => 9; }
