namespace Tanaka.Server.Domain;

/// <summary>
/// A materialized window with the log entry that last changed it: <see cref="Clock"/> is that
/// entry's clock, <see cref="DeviceId"/> the device that sent it.
/// </summary>
public sealed record WindowRow(Window Window, long Clock, string DeviceId);
