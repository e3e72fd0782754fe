using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>The materialized rows one update changes: tabs and windows to write, ids to delete.</summary>
public sealed record RowChanges(
    IReadOnlyList<Tab> UpsertedTabs,
    IReadOnlyList<string> DeletedTabIds,
    IReadOnlyList<Window> UpsertedWindows,
    IReadOnlyList<string> DeletedWindowIds);
