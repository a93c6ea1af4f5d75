using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Maci.Bench;

/// <summary>
/// CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID)); null off Linux. On a shared, overloaded
/// machine wall-clock medians of millisecond operations mostly measure preemption.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static long? Nanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        return ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : null;
    }

    /// <summary>Thread CPU time where the platform has it, else wall time.</summary>
    public static long NanosecondsOrWall() => Nanoseconds() ?? (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
}
