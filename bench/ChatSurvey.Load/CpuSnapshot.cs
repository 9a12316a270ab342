namespace ChatSurvey.Load;

/// <summary>CPU time so far of every process of a run, and of the machine, to be subtracted from a later snapshot.</summary>
internal sealed record CpuSnapshot(TimeSpan Target, TimeSpan TargetJit, TimeSpan OtherTarget, TimeSpan Redis, TimeSpan OtherRedis, TimeSpan Postgres, TimeSpan Harness, TimeSpan MachineProcesses, TimeSpan MachineInterrupts)
{
    public static async Task<CpuSnapshot> TakeAsync(WebhookEnvironment environment, Target target)
    {
        var other = target == environment.Bot ? environment.Floor : environment.Bot;
        var (processes, interrupts) = ProcStats.Machine();
        return new CpuSnapshot(
            ProcStats.Cpu(target.Process.Pid),
            ProcStats.JitCpu(target.Process.Pid),
            ProcStats.Cpu(other.Process.Pid),
            ProcStats.Cpu(await target.RedisPidAsync()),
            ProcStats.Cpu(await other.RedisPidAsync()),
            environment.PostgresCpu(),
            WebhookEnvironment.HarnessCpu(),
            processes,
            interrupts);
    }

    /// <summary>Process time on the machine that none of the run's processes used: someone else's build or tests.</summary>
    public TimeSpan Strangers(CpuSnapshot before) =>
        (MachineProcesses - before.MachineProcesses) - (Target - before.Target) - (OtherTarget - before.OtherTarget) -
        (Redis - before.Redis) - (OtherRedis - before.OtherRedis) - (Postgres - before.Postgres) - (Harness - before.Harness);

    /// <summary>
    /// Cores busy over a short idle moment, when the run's own processes do next to nothing: above a quarter of a
    /// core, someone else is using the machine.
    /// </summary>
    public static async Task<double> BusyCoresAsync(TimeSpan over)
    {
        var before = ProcStats.Machine().Process;
        await Task.Delay(over);
        return (ProcStats.Machine().Process - before) / over;
    }
}
