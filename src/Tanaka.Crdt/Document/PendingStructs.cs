namespace Tanaka.Crdt.Document;

/// <summary>
/// Structs a document received but could not integrate yet (a dependency is missing), kept as
/// one v1 update, with the lowest missing clock per client that would make a retry worthwhile.
/// </summary>
internal sealed class PendingStructs(byte[] update, Dictionary<ulong, ulong> missing)
{
    public byte[] Update { get; set; } = update;

    public Dictionary<ulong, ulong> Missing { get; } = missing;

    public void AddMissing(ulong client, ulong clock)
    {
        if (!Missing.TryGetValue(client, out var current) || current > clock)
        {
            Missing[client] = clock;
        }
    }
}
