using System.Collections.Concurrent;
using System.Diagnostics;
using Tanaka.Server.Domain;
using Tanaka.Server.Observability;

namespace Tanaka.Server.Tests.Observability;

/// <summary>
/// An in-process exporter double: an <see cref="ActivityListener"/> on the server's sources keeps
/// every finished span of one trace (the test picks the trace id and sends it in <c>traceparent</c>,
/// so spans of tests running alongside are ignored).
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SyncTracing.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _traceId)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_sync_request_has_a_span_per_step_with_its_attributes()
    {
        await using var server = await ObservedServer.StartAsync();
        using var client = server.CreateClient(ObservedServer.Token);
        var parent = ActivitySpanId.CreateRandom();
        var (status, answer) = await ObservedServer.SyncAsync(
            client,
            "traced-device",
            ObservedServer.UpdateA,
            stateVector: "AA==",
            headers: [new("traceparent", $"00-{_traceId}-{parent}-01")]);
        status.ShouldBe(200);

        var request = await WaitForAsync(s => s.Kind == ActivityKind.Server);
        request.ParentSpanId.ShouldBe(parent);
        request.GetTagItem(SyncTracing.WorkspaceHashTag).ShouldBe(SyncTracing.HashWorkspace(Workspace.DefaultId));
        request.GetTagItem(SyncTracing.DeviceIdTag).ShouldBe("traced-device");
        request.GetTagItem("http.route")!.ToString()!.TrimEnd('/').ShouldBe("/sync");

        var children = _spans.Where(s => s.ParentSpanId == request.SpanId).ToDictionary(s => s.OperationName);
        children.Keys.Order().ShouldBe(
            new[] { SyncTracing.Decode, SyncTracing.Diff, SyncTracing.Merge, SyncTracing.Persist, SyncTracing.Validate }.Order());
        children.Values.ShouldAllBe(s => s.Source.Name == SyncTracing.SourceName);

        // Decoded bytes: the 139-byte update plus the 1-byte empty state vector.
        children[SyncTracing.Decode].GetTagItem(SyncTracing.BytesTag).ShouldBe(140);
        children[SyncTracing.Merge].GetTagItem(SyncTracing.BytesTag).ShouldBe(139);
        children[SyncTracing.Merge].GetTagItem(SyncTracing.ChangedTag).ShouldBe(true);
        children[SyncTracing.Validate].GetTagItem(SyncTracing.OutcomeTag).ShouldBe("ok");
        children[SyncTracing.Persist].GetTagItem(SyncTracing.ClockTag).ShouldBe(answer["clock"]!.GetValue<long>());
        children[SyncTracing.Persist].GetTagItem(SyncTracing.ChangedTag).ShouldBe(true);
        children[SyncTracing.Diff].GetTagItem(SyncTracing.BytesTag).ShouldBe(ObservedServer.UpdateBytes(answer));

        // The steps run in protocol order.
        string[] order = [SyncTracing.Decode, SyncTracing.Merge, SyncTracing.Validate, SyncTracing.Persist, SyncTracing.Diff];
        for (var i = 1; i < order.Length; i++)
        {
            children[order[i]].StartTimeUtc.ShouldBeGreaterThanOrEqualTo(children[order[i - 1]].StartTimeUtc + children[order[i - 1]].Duration);
        }
    }

    [Fact]
    public async Task A_rejected_update_ends_the_trace_at_the_merge()
    {
        await using var server = await ObservedServer.StartAsync();
        using var client = server.CreateClient(ObservedServer.Token);
        var (status, problem) = await ObservedServer.SyncAsync(
            client, "traced-device", ObservedServer.Garbage, headers: [new("traceparent", $"00-{_traceId}-{ActivitySpanId.CreateRandom()}-01")]);
        status.ShouldBe(400);

        var request = await WaitForAsync(s => s.Kind == ActivityKind.Server);
        problem["traceId"]!.GetValue<string>().ShouldContain(_traceId.ToString());
        var children = _spans.Where(s => s.ParentSpanId == request.SpanId).ToDictionary(s => s.OperationName);
        children.Keys.Order().ShouldBe(new[] { SyncTracing.Decode, SyncTracing.Merge }.Order());
        children[SyncTracing.Merge].Status.ShouldBe(ActivityStatusCode.Error);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The request span stops just after the response is sent, so it may trail the client's read by a moment.</summary>
    private async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (_spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No matching span of trace {_traceId} finished; seen: {string.Join(", ", _spans.Select(s => s.OperationName))}");
    }
}
