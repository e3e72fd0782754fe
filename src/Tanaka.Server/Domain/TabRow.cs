namespace Tanaka.Server.Domain;

/// <summary>
/// A materialized tab with the log entry that last changed it: <see cref="Clock"/> is that
/// entry's clock, <see cref="DeviceId"/> the device that sent it.
/// </summary>
public sealed record TabRow(Tab Tab, long Clock, string DeviceId);
