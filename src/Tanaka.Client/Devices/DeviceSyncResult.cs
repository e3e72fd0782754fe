using Tanaka.Client.Protocol;

namespace Tanaka.Client.Devices;

/// <summary>
/// What one <see cref="SyncingDevice.SyncAsync"/> did. Byte counts: <c>*BodyBytes</c> are the
/// JSON bodies on the wire, <c>*UpdateBytes</c> the binary Yjs updates inside them (0 when none).
/// <see cref="RoundTrip"/> is the HTTP exchange that succeeded, from sending the request to reading
/// the whole answer (client-side work such as merging and applying updates is outside it).
/// </summary>
public sealed record DeviceSyncResult(
    SyncResponse Response,
    int RequestBodyBytes,
    int ResponseBodyBytes,
    int SentUpdateBytes,
    int ReceivedUpdateBytes,
    int RateLimitRetries,
    bool DocumentChanged,
    TimeSpan RoundTrip);
