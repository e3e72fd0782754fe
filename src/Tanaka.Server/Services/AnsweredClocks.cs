namespace Tanaka.Server.Services;

/// <summary>
/// The clock this server last answered each device of a workspace with. A device whose
/// <c>since_clock</c> equals it applied that answer, so an answer built from the log after it
/// leaves the device holding exactly what the server holds, and the server's state vector need
/// not travel. Kept in memory only: after a restart or an eviction every device is unknown and
/// gets the state vector once. Not thread-safe: used under the workspace's lock.
/// </summary>
public sealed class AnsweredClocks
{
    /// <summary>Devices remembered per workspace; beyond it the memory starts over (costing each device one state vector).</summary>
    public const int MaxDevices = 10_000;

    private readonly Dictionary<string, long> _clocks = new(StringComparer.Ordinal);

    public int Count => _clocks.Count;

    public void Answered(string deviceId, long clock)
    {
        if (_clocks.Count >= MaxDevices && !_clocks.ContainsKey(deviceId))
        {
            _clocks.Clear();
        }

        _clocks[deviceId] = clock;
    }

    /// <summary>Whether <paramref name="sinceClock"/> is the clock of the last answer this device got from here.</summary>
    public bool IsInStep(string deviceId, long? sinceClock) =>
        sinceClock is { } since && _clocks.TryGetValue(deviceId, out var answered) && answered == since;
}
