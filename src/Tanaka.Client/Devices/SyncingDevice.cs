using System.Net;
using Tanaka.Client.Protocol;
using Tanaka.Crdt;

namespace Tanaka.Client.Devices;

/// <summary>
/// A C# program acting as one browser: a workspace document (Tanaka.Crdt) edited locally and
/// kept in sync with a server through <see cref="SyncAsync"/>. Local transactions are collected
/// as they happen and sent merged on the next sync, with the document's state vector and the
/// device's Lamport clock; the server's answer is applied and its clock remembered for
/// <c>since_clock</c>. Updates stay queued until the server has accepted them, so a failed sync
/// loses nothing. When an answer's state vector shows the server lacks content the device has
/// (a server restored from an older backup), that content is queued again. Not thread-safe: one
/// caller drives a device (edits and syncs in turn).
/// </summary>
public sealed class SyncingDevice : IDisposable
{
    private readonly TanakaClient _client;
    private readonly SyncingDeviceOptions _options;
    private readonly List<byte[]> _pending = [];
    private bool _stateVectorWanted = true;

    public SyncingDevice(TanakaClient client, string deviceId, SyncingDeviceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        _client = client;
        _options = options ?? new SyncingDeviceOptions();
        DeviceId = deviceId;
        Document = new YDoc(_options.ClientId);
        Workspace = new WorkspaceDocument(Document, _options.TimeProvider);
        Document.Updated += OnUpdated;
    }

    public string DeviceId { get; }

    public YDoc Document { get; }

    /// <summary>Tab and window edits on <see cref="Document"/>.</summary>
    public WorkspaceDocument Workspace { get; }

    /// <summary>The device's Lamport clock: one tick per local transaction, and never behind the last server clock seen.</summary>
    public long Clock { get; private set; }

    /// <summary>The server clock of the last successful sync (sent as <c>since_clock</c>); null before the first.</summary>
    public long? ServerClock { get; private set; }

    /// <summary>Local transactions not yet accepted by the server.</summary>
    public int PendingUpdateCount => _pending.Count;

    /// <summary>Sends what the server has not accepted yet and applies what the device lacks.</summary>
    /// <exception cref="TanakaApiException">The server refused the sync (after waiting out up to <see cref="SyncingDeviceOptions.MaxRateLimitRetries"/> 429s); the local changes stay queued.</exception>
    public async Task<DeviceSyncResult> SyncAsync(CancellationToken cancellationToken = default)
    {
        var sending = _pending.Count;
        var update = sending switch
        {
            0 => null,
            1 => _pending[0],
            _ => YUpdate.Merge(_pending),
        };
        var request = new SyncRequest
        {
            DeviceId = DeviceId,
            Clock = Clock,
            SinceClock = ServerClock,
            StateVector = SendsStateVector() ? Document.EncodeStateVector() : null,
            Update = update,
        };

        var (exchange, retries, roundTrip) = await ExchangeAsync(request, cancellationToken);
        // Edits made while the request was in flight arrived after the ones sent and stay queued.
        _pending.RemoveRange(0, sending);

        var response = exchange.Response;
        var changed = false;
        if (response.Update is { Length: > 0 } incoming)
        {
            // The server's own changes: it already has them, so the device does not listen while
            // they are applied (a listener makes the document encode every applied update).
            Document.Updated -= OnUpdated;
            try
            {
                changed = Document.ApplyUpdate(incoming).Changed;
            }
            finally
            {
                Document.Updated += OnUpdated;
            }
        }

        ServerClock = response.Clock;
        Clock = Math.Max(Clock, response.Clock);
        _stateVectorWanted = response.StateVector is { } serverState && Reconcile(serverState);
        return new DeviceSyncResult(
            response,
            exchange.RequestBodyBytes,
            exchange.ResponseBodyBytes,
            update?.Length ?? 0,
            response.Update?.Length ?? 0,
            retries,
            changed,
            roundTrip);
    }

    public void Dispose() => Document.Updated -= OnUpdated;

    private async Task<(SyncExchange Exchange, int Retries, TimeSpan RoundTrip)> ExchangeAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        for (var retries = 0; ; retries++)
        {
            try
            {
                var started = time.GetTimestamp();
                var exchange = await _client.ExchangeAsync(request, cancellationToken);
                return (exchange, retries, time.GetElapsedTime(started));
            }
            catch (TanakaApiException e) when (e.StatusCode == HttpStatusCode.TooManyRequests
                && retries < _options.MaxRateLimitRetries
                && (e.RetryAfter ?? _options.DefaultRetryDelay) <= _options.MaxRetryDelay)
            {
                await Task.Delay(e.RetryAfter ?? _options.DefaultRetryDelay, _options.TimeProvider, cancellationToken);
            }
        }
    }

    private bool SendsStateVector() => _options.StateVector switch
    {
        StateVectorPolicy.Always => true,
        StateVectorPolicy.WhenNeeded => ServerClock is null || _stateVectorWanted || Document.HasPending,
        _ => false,
    };

    /// <summary>
    /// Compares the server's state vector with the document's: queues what the server lacks, and
    /// returns whether the two differ (the next request then carries the state vector).
    /// </summary>
    private bool Reconcile(byte[] serverStateVector)
    {
        var own = Document.EncodeStateVector();
        if (own.AsSpan().SequenceEqual(serverStateVector))
        {
            return false;
        }

        var server = Tanaka.Crdt.Updates.StateVector.Decode(serverStateVector);
        if (Tanaka.Crdt.Updates.StateVector.Decode(own).Clocks.Any(c => c.Value > server.Get(c.Key)))
        {
            // Duplicates of what the server has are free: it ignores them.
            _pending.Add(Document.EncodeStateAsUpdate(serverStateVector));
        }

        return true;
    }

    private void OnUpdated(byte[] update)
    {
        _pending.Add(update);
        Clock++;
    }
}
