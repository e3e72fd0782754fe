using Tanaka.Crdt.Types;

namespace Tanaka.Client.Devices;

internal static class WindowFields
{
    public static WindowState? Read(string id, object entry) =>
        MapFields.IsEntry(entry)
            ? new WindowState(
                id,
                MapFields.Get(entry, WorkspaceSchema.Tracked) is true,
                MapFields.Get(entry, WorkspaceSchema.Focused) is true,
                MapFields.Get(entry, WorkspaceSchema.DeviceId) as string)
            : null;

    public static void Write(YMap map, WindowState window)
    {
        MapFields.Set(map, WorkspaceSchema.Tracked, window.Tracked);
        MapFields.Set(map, WorkspaceSchema.Focused, window.Focused);
        MapFields.Set(map, WorkspaceSchema.DeviceId, window.DeviceId);
    }
}
