namespace Tanaka.Client.Protocol;

/// <summary>One <c>POST /sync</c> round trip with its size on the wire (JSON bodies, without HTTP headers).</summary>
public sealed record SyncExchange(SyncResponse Response, int RequestBodyBytes, int ResponseBodyBytes);
