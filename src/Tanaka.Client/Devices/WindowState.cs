namespace Tanaka.Client.Devices;

/// <summary>One browser window as the workspace document holds it; <see cref="DeviceId"/> is the browser it lives in.</summary>
public sealed record WindowState(string Id, bool Tracked, bool Focused, string? DeviceId);
