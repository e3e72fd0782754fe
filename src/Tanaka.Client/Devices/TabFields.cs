using Tanaka.Crdt.Types;

namespace Tanaka.Client.Devices;

internal static class TabFields
{
    public static TabState? Read(string id, object entry)
    {
        if (!MapFields.IsEntry(entry))
        {
            return null;
        }

        string Text(string key) => MapFields.Get(entry, key) as string ?? "";
        var index = MapFields.Number(MapFields.Get(entry, WorkspaceSchema.Index)) ?? 0;
        var updatedAt = MapFields.Number(MapFields.Get(entry, WorkspaceSchema.UpdatedAt));
        return new TabState(
            id,
            Text(WorkspaceSchema.WindowId),
            Text(WorkspaceSchema.Url),
            Text(WorkspaceSchema.Title),
            double.IsFinite(index) ? (int)Math.Clamp(index, 0, int.MaxValue) : 0,
            MapFields.Get(entry, WorkspaceSchema.Active) is true,
            MapFields.Get(entry, WorkspaceSchema.Pinned) is true,
            MapFields.Get(entry, WorkspaceSchema.FavIconUrl) as string,
            updatedAt is { } ms && double.IsFinite(ms) && Math.Abs(ms) < 8.64e15
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
                : default);
    }

    public static void Write(YMap map, TabState tab)
    {
        MapFields.Set(map, WorkspaceSchema.WindowId, tab.WindowId);
        MapFields.Set(map, WorkspaceSchema.Url, tab.Url);
        MapFields.Set(map, WorkspaceSchema.Title, tab.Title);
        MapFields.Set(map, WorkspaceSchema.FavIconUrl, tab.FavIconUrl);
        MapFields.Set(map, WorkspaceSchema.Index, (long)tab.Index);
        MapFields.Set(map, WorkspaceSchema.Active, tab.Active);
        MapFields.Set(map, WorkspaceSchema.Pinned, tab.Pinned);
        MapFields.Set(map, WorkspaceSchema.UpdatedAt, tab.UpdatedAt.ToUnixTimeMilliseconds());
    }
}
