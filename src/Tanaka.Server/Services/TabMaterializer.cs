using Tanaka.Crdt;
using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>
/// Turns what an update changed in the document's <c>tabs</c> and <c>windows</c> maps into row
/// changes: a key that still has a value becomes an upsert of its current value, a key that lost
/// it a delete. Runs after <see cref="DomainValidator"/> passed, so every changed entry is well-typed.
/// </summary>
public sealed class TabMaterializer
{
    /// <summary>The row changes for the keys <paramref name="applied"/> changed; <paramref name="at"/> (when the server accepted the update) stamps rows that carry no time of their own.</summary>
    public RowChanges Materialize(YDoc doc, ApplyResult applied, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(applied);
        List<Tab> tabs = [];
        List<string> deletedTabs = [];
        List<Window> windows = [];
        List<string> deletedWindows = [];

        if (applied.ChangedKeys.TryGetValue(WorkspaceFields.Tabs, out var tabIds) && tabIds.Count > 0)
        {
            var map = doc.GetMap(WorkspaceFields.Tabs);
            foreach (var id in Sorted(tabIds))
            {
                if (map.ContainsKey(id) && DocumentEntry.TryFrom(map.Get(id), out var entry))
                {
                    tabs.Add(ToTab(id, entry, at));
                }
                else
                {
                    deletedTabs.Add(id);
                }
            }
        }

        if (applied.ChangedKeys.TryGetValue(WorkspaceFields.Windows, out var windowIds) && windowIds.Count > 0)
        {
            var map = doc.GetMap(WorkspaceFields.Windows);
            foreach (var id in Sorted(windowIds))
            {
                if (map.ContainsKey(id) && DocumentEntry.TryFrom(map.Get(id), out var entry))
                {
                    windows.Add(ToWindow(id, entry, at));
                }
                else
                {
                    deletedWindows.Add(id);
                }
            }
        }

        return new RowChanges(tabs, deletedTabs, windows, deletedWindows);
    }

    private static Tab ToTab(string id, DocumentEntry entry, DateTimeOffset at)
    {
        entry.TryGetString(WorkspaceFields.WindowId, out var windowId);
        entry.TryGetString(WorkspaceFields.Url, out var url);
        entry.TryGetString(WorkspaceFields.Title, out var title);
        entry.TryGetString(WorkspaceFields.FavIconUrl, out var favIconUrl);
        entry.TryGetIndex(WorkspaceFields.Index, out var index);
        entry.TryGetBool(WorkspaceFields.Active, out var active);
        entry.TryGetBool(WorkspaceFields.Pinned, out var pinned);
        entry.TryGetTimestamp(WorkspaceFields.UpdatedAt, out var updatedAt);
        return new Tab(id, windowId, url, title, favIconUrl, index, active, pinned, updatedAt ?? at);
    }

    private static Window ToWindow(string id, DocumentEntry entry, DateTimeOffset at)
    {
        entry.TryGetBool(WorkspaceFields.Tracked, out var tracked);
        entry.TryGetBool(WorkspaceFields.Focused, out var focused);
        entry.TryGetString(WorkspaceFields.DeviceId, out var owner);
        return new Window(id, tracked, focused, owner, at);
    }

    // Rows are written in a stable order, so two servers given the same updates write the same way.
    private static IEnumerable<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal);
}
