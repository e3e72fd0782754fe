namespace Tanaka.Server.Services;

/// <summary>
/// What a sync answers: the server clock after it (the device sends it back as
/// <c>since_clock</c>), the Yjs update holding what the device lacks (null when nothing) and
/// the server document's state vector, null when the device is sure to hold exactly what the
/// server holds once it applied the update.
/// </summary>
public sealed record SyncResult(long Clock, byte[]? Update, byte[]? StateVector);
