using Tanaka.Client.Devices;
using Tanaka.Load.Reports;

namespace Tanaka.Load.Tests;

/// <summary>
/// The smoke profile of the load harness against the real server, started as a child process
/// exactly as <c>tanaka-load</c> starts it. A correctness check: no errors, every device ends
/// equal to the server's document and GET /tabs agrees. Timings are reported, never asserted.
/// </summary>
public sealed class SmokeProfileTests
{
    [Theory]
    [InlineData(StateVectorPolicy.Always)]
    [InlineData(StateVectorPolicy.WhenNeeded)]
    public async Task The_smoke_profile_runs_without_errors_and_every_device_converges(StateVectorPolicy policy)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions(), ct);
        var profile = LoadProfile.Smoke with { StateVector = policy };

        var report = await new LoadRunner(profile, server.Target).RunAsync(ct);

        var errors = string.Join("; ", report.Phases.SelectMany(p => p.ErrorsByKind.Select(e => $"{p.Name}: {e.Key} x{e.Value}")));
        report.Errors.ShouldBe(0, errors + Environment.NewLine + server.RecentOutput);
        report.Convergence.Diverged.ShouldBeEmpty();
        report.Convergence.TabRowsMismatch.ShouldBeNull();
        report.Convergence.AllConverged.ShouldBeTrue();
        report.Convergence.DevicesChecked.ShouldBe(profile.Devices);
        report.Workspace.InitialTabs.ShouldBeGreaterThanOrEqualTo(200);
        var scheduled = report.Phases.Single(p => p.Name == "scheduled");
        var burst = report.Phases.Single(p => p.Name == "burst");
        scheduled.Syncs.ShouldBeGreaterThan(0);
        burst.Syncs.ShouldBeGreaterThan(0);
        burst.Edits.ShouldBe(burst.Syncs);
        // The run was bounded by its count as well as its time.
        scheduled.Syncs.ShouldBeLessThanOrEqualTo(profile.MaxScheduledSyncs);
        burst.Syncs.ShouldBeLessThanOrEqualTo(profile.MaxBurstSyncs);
        report.ServerResources.Measured.ShouldBe(OperatingSystem.IsLinux());
        report.OneChange.ShouldNotBeNull().WithStateVector.SenderUpdate.ShouldBeGreaterThan(0);
        // The server's /metrics saw the syncs of the measured phases (its default config exports them publicly).
        scheduled.ServerLatency.ShouldNotBeNull().Http.Count.ShouldBe(scheduled.Syncs);
        burst.ServerLatency.ShouldNotBeNull().Http.Count.ShouldBe(burst.Syncs);
    }

    [Fact]
    public async Task The_result_file_is_snake_case_json_with_the_phase_latencies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions(), ct);
        var profile = LoadProfile.Smoke with { Devices = 2, WarmupDuration = TimeSpan.FromSeconds(0.3), ScheduledDuration = TimeSpan.FromSeconds(0.5), BurstDuration = TimeSpan.FromSeconds(0.5), ServerLatencyFromMetrics = false };
        var report = await new LoadRunner(profile, server.Target).RunAsync(ct);
        var path = Path.Combine(Path.GetTempPath(), $"tanaka-load-{Guid.NewGuid():N}.json");

        try
        {
            await ReportFile.WriteAsync(report, path, ct);
            var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!;
            json["profile"]!.GetValue<string>().ShouldBe("smoke");
            var phases = json["phases"]!.AsArray();
            phases.Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["seed", "join", "warmup", "scheduled", "burst", "settle", "check", "one-change"]);
            var latency = phases[3]!["latency_ms"]!.AsObject();
            latency.Select(p => p.Key).ShouldBe(["p50", "p90", "p95", "p99", "max", "mean"]);
            json["convergence"]!["all_converged"]!.GetValue<bool>().ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
