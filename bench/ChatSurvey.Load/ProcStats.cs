using System.Globalization;

namespace ChatSurvey.Load;

/// <summary>
/// CPU time and memory of processes, read from /proc, so that each figure belongs to one process (the bot, the floor,
/// redis-server, postgres) and never includes the respondents, which share the machine.
/// </summary>
internal static class ProcStats
{
    /// <summary>USER_HZ: /proc counts CPU time in ticks of 1/100 s on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU time of one process (its threads included), or zero once it has gone.</summary>
    public static TimeSpan Cpu(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? TimeSpan.Zero : Ticks(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// CPU time of a process, its children alive now (postgres: the postmaster and its backends) and those it has already
    /// waited for (a parallel query's workers, which come and go within one query).
    /// </summary>
    public static TimeSpan TreeCpu(int root)
    {
        var total = Cpu(root) + (StatFields(root) is { } own ? Ticks(long.Parse(own[13], CultureInfo.InvariantCulture) + long.Parse(own[14], CultureInfo.InvariantCulture)) : TimeSpan.Zero);
        foreach (var pid in Pids())
        {
            if (pid != root && StatFields(pid) is { } fields && fields[1] == root.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
        }

        return total;
    }

    /// <summary>
    /// CPU time of the runtime's tiered-compilation thread (".NET Tiered Com…"): the JIT re-compiling hot methods. It
    /// is a start-up cost, not a per-turn one, so a warm-up lasts until it is quiet.
    /// </summary>
    public static TimeSpan JitCpu(int pid)
    {
        var total = TimeSpan.Zero;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (comm.StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    total += Ticks(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (IOException)
        {
            // The process or one of its threads ended while being read: what was read so far.
        }

        return total;
    }

    /// <summary>Resident set size in bytes (VmRSS), or zero once the process has gone.</summary>
    public static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The whole machine's CPU time so far: process time (user, nice, system) and interrupt time (irq, softirq; loopback
    /// networking is mostly softirq, which no process is charged for).
    /// </summary>
    public static (TimeSpan Process, TimeSpan Interrupts) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long At(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
        return (Ticks(At(1) + At(2) + At(3) + At(8)), Ticks(At(6) + At(7)));
    }

    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    /// <summary>The fields after "pid (comm) ": [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // comm may hold spaces and parentheses; the last ')' ends it.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0).Where(pid => pid > 0);
}
