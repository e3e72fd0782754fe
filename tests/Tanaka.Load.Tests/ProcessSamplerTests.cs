namespace Tanaka.Load.Tests;

public sealed class ProcessSamplerTests
{
    [Fact]
    public async Task Sampling_this_process_sees_its_memory_and_the_cpu_it_burns()
    {
        if (!OperatingSystem.IsLinux())
        {
            // /proc is Linux only: elsewhere there is no sampler and reports say "not measured".
            ProcessSampler.TryStart(Environment.ProcessId, TimeSpan.FromSeconds(1)).ShouldBeNull();
            return;
        }

        await using var sampler = ProcessSampler.TryStart(Environment.ProcessId, TimeSpan.FromMilliseconds(20)).ShouldNotBeNull();
        var from = sampler.Now;
        sampler.TakeSample();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        var x = 0L;
        while (spin.ElapsedMilliseconds < 300)
        {
            x += spin.ElapsedTicks % 7;
        }

        sampler.TakeSample();
        var use = sampler.Between(from, sampler.Now);

        x.ShouldBeGreaterThanOrEqualTo(0);
        use.Measured.ShouldBeTrue();
        use.CpuSeconds.ShouldBeGreaterThan(0);
        use.RssStartMb.ShouldBeGreaterThan(1);
        use.RssPeakMb.ShouldBeGreaterThanOrEqualTo(Math.Max(use.RssStartMb, use.RssEndMb));
        sampler.Samples.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_sampler() =>
        ProcessSampler.TryStart(int.MaxValue, TimeSpan.FromSeconds(1)).ShouldBeNull();
}
