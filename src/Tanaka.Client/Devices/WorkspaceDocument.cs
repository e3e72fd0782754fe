using System.Text.Json.Nodes;
using Tanaka.Crdt;
using Tanaka.Crdt.Types;

namespace Tanaka.Client.Devices;

/// <summary>
/// The workspace document as a browser edits it: tabs and windows as nested maps under the
/// <see cref="WorkspaceSchema"/> roots. Each edit is one transaction that writes only the fields
/// whose value changes, so an update carries what happened and nothing more; the browser's tab
/// order is kept as consecutive <c>index</c> values per window. Not thread-safe.
/// </summary>
public sealed class WorkspaceDocument
{
    private readonly TimeProvider _time;

    public WorkspaceDocument(YDoc document, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        _time = timeProvider ?? TimeProvider.System;
    }

    public YDoc Document { get; }

    public YMap Tabs => Document.GetMap(WorkspaceSchema.TabsRoot);

    public YMap Windows => Document.GetMap(WorkspaceSchema.WindowsRoot);

    public int TabCount => Tabs.Count;

    public TabState? GetTab(string tabId) => Tabs.Get(tabId) is { } value ? TabFields.Read(tabId, value) : null;

    /// <summary>Every tab, ordered by window id, then index, then tab id.</summary>
    public IReadOnlyList<TabState> ListTabs() => CollectTabs(windowId: null);

    /// <summary>The tabs of one window in browser order.</summary>
    public IReadOnlyList<TabState> ListTabs(string windowId)
    {
        ArgumentNullException.ThrowIfNull(windowId);
        return CollectTabs(windowId);
    }

    public WindowState? GetWindow(string windowId) =>
        Windows.Get(windowId) is { } value ? WindowFields.Read(windowId, value) : null;

    /// <summary>Every window, ordered by id.</summary>
    public IReadOnlyList<WindowState> ListWindows() =>
        [.. Windows.Keys.Order(StringComparer.Ordinal).Select(GetWindow).OfType<WindowState>()];

    /// <summary>The <c>tabs</c> and <c>windows</c> maps as canonical JSON (<see cref="CanonicalJson"/>): equal text means equal content.</summary>
    public string ToCanonicalJson() => CanonicalJson.Write(new JsonObject
    {
        [WorkspaceSchema.TabsRoot] = Tabs.ToJson(),
        [WorkspaceSchema.WindowsRoot] = Windows.ToJson(),
    });

    /// <summary>Writes the tab as given (its index is taken as is; see <see cref="OpenTab"/> to insert into the order).</summary>
    public void UpsertTab(TabState tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        Document.Transact(() => TabFields.Write(EnsureTabMap(tab.Id), Stamped(tab)));
    }

    /// <summary>Opens a tab at <see cref="TabState.Index"/> in its window (clamped to the window's length); later tabs shift right.</summary>
    public void OpenTab(TabState tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        Document.Transact(() =>
        {
            var order = Order(tab.WindowId, except: tab.Id);
            var index = Math.Clamp(tab.Index, 0, order.Count);
            order.Insert(index, tab.Id);
            TabFields.Write(EnsureTabMap(tab.Id), Stamped(tab with { Index = index }));
            Reindex(order);
        });
    }

    /// <summary>Sets the title (a page changed its title); false when there is no such tab.</summary>
    public bool SetTitle(string tabId, string title) =>
        EditTab(tabId, map =>
        {
            MapFields.Set(map, WorkspaceSchema.Title, title);
            MapFields.Set(map, WorkspaceSchema.UpdatedAt, Now());
        });

    /// <summary>The tab loaded another page; false when there is no such tab.</summary>
    public bool Navigate(string tabId, string url, string title) =>
        EditTab(tabId, map =>
        {
            MapFields.Set(map, WorkspaceSchema.Url, url);
            MapFields.Set(map, WorkspaceSchema.Title, title);
            MapFields.Set(map, WorkspaceSchema.UpdatedAt, Now());
        });

    /// <summary>Makes the tab its window's active tab (the window's other tabs become inactive); false when there is no such tab.</summary>
    public bool ActivateTab(string tabId)
    {
        if (GetTab(tabId) is not { } tab)
        {
            return false;
        }

        Document.Transact(() =>
        {
            foreach (var other in ListTabs(tab.WindowId))
            {
                if (other.Id != tabId && other.Active)
                {
                    MapFields.Set(EnsureTabMap(other.Id), WorkspaceSchema.Active, false);
                }
            }

            var map = EnsureTabMap(tabId);
            MapFields.Set(map, WorkspaceSchema.Active, true);
            MapFields.Set(map, WorkspaceSchema.UpdatedAt, Now());
        });
        return true;
    }

    /// <summary>Moves the tab to <paramref name="index"/> of <paramref name="windowId"/> (clamped), re-indexing both windows; false when there is no such tab.</summary>
    public bool MoveTab(string tabId, string windowId, int index)
    {
        if (GetTab(tabId) is not { } tab)
        {
            return false;
        }

        Document.Transact(() =>
        {
            if (tab.WindowId != windowId)
            {
                Reindex(Order(tab.WindowId, except: tabId));
            }

            var order = Order(windowId, except: tabId);
            order.Insert(Math.Clamp(index, 0, order.Count), tabId);
            var map = EnsureTabMap(tabId);
            MapFields.Set(map, WorkspaceSchema.WindowId, windowId);
            MapFields.Set(map, WorkspaceSchema.UpdatedAt, Now());
            Reindex(order);
        });
        return true;
    }

    /// <summary>Closes the tab; the tabs after it in its window shift left. False when there is no such tab.</summary>
    public bool CloseTab(string tabId)
    {
        if (GetTab(tabId) is not { } tab)
        {
            return false;
        }

        Document.Transact(() =>
        {
            Tabs.Delete(tabId);
            Reindex(Order(tab.WindowId, except: tabId));
        });
        return true;
    }

    public void UpsertWindow(WindowState window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Document.Transact(() =>
        {
            var map = Windows.Get(window.Id) as YMap ?? Windows.SetMap(window.Id);
            WindowFields.Write(map, window);
        });
    }

    /// <summary>Closes the window and every tab in it; false when there is no such window.</summary>
    public bool CloseWindow(string windowId)
    {
        if (!Windows.ContainsKey(windowId))
        {
            return false;
        }

        Document.Transact(() =>
        {
            foreach (var tab in ListTabs(windowId))
            {
                Tabs.Delete(tab.Id);
            }

            Windows.Delete(windowId);
        });
        return true;
    }

    private bool EditTab(string tabId, Action<YMap> edit)
    {
        if (!Tabs.ContainsKey(tabId))
        {
            return false;
        }

        Document.Transact(() => edit(EnsureTabMap(tabId)));
        return true;
    }

    /// <summary>The tab's map; a tab stored as a plain object (another writer's choice) becomes a map with the same fields.</summary>
    private YMap EnsureTabMap(string tabId)
    {
        var value = Tabs.Get(tabId);
        if (value is YMap map)
        {
            return map;
        }

        var fresh = Tabs.SetMap(tabId);
        if (value is not null && TabFields.Read(tabId, value) is { } existing)
        {
            TabFields.Write(fresh, existing);
        }

        return fresh;
    }

    private List<string> Order(string windowId, string except) =>
        [.. ListTabs(windowId).Where(t => t.Id != except).Select(t => t.Id)];

    private void Reindex(List<string> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            MapFields.Set(EnsureTabMap(order[i]), WorkspaceSchema.Index, (long)i);
        }
    }

    /// <summary>
    /// The tabs of <paramref name="windowId"/> (every tab when null), sorted. Only a matching
    /// entry becomes a <see cref="TabState"/>: edits list one window of a large workspace
    /// several times each, and reading every tab for that was most of what an edit allocated.
    /// </summary>
    private List<TabState> CollectTabs(string? windowId)
    {
        var tabs = Tabs;
        var found = new List<TabState>();
        foreach (var id in tabs.Keys)
        {
            if (tabs.Get(id) is { } value
                && (windowId is null || string.Equals(MapFields.Get(value, WorkspaceSchema.WindowId) as string ?? "", windowId, StringComparison.Ordinal))
                && TabFields.Read(id, value) is { } tab)
            {
                found.Add(tab);
            }
        }

        // Tab ids are unique, so this is a total order and an unstable sort gives the same list.
        found.Sort(static (a, b) =>
            string.CompareOrdinal(a.WindowId, b.WindowId) is var byWindow and not 0 ? byWindow
            : a.Index.CompareTo(b.Index) is var byIndex and not 0 ? byIndex
            : string.CompareOrdinal(a.Id, b.Id));
        return found;
    }

    private TabState Stamped(TabState tab) => tab.UpdatedAt == default ? tab with { UpdatedAt = _time.GetUtcNow() } : tab;

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
