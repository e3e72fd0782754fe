namespace Tanaka.Client.Devices;

/// <summary>
/// Names in the workspace document the extension and the server share: a root map
/// <see cref="TabsRoot"/> (tab id -> tab map) and a root map <see cref="WindowsRoot"/>
/// (window id -> window map).
/// </summary>
public static class WorkspaceSchema
{
    public const string TabsRoot = "tabs";
    public const string WindowsRoot = "windows";

    public const string WindowId = "window_id";
    public const string Url = "url";
    public const string Title = "title";
    public const string FavIconUrl = "fav_icon_url";
    public const string Index = "index";
    public const string Active = "active";
    public const string Pinned = "pinned";

    /// <summary>Milliseconds since the Unix epoch, as JavaScript's <c>Date.now()</c> gives it.</summary>
    public const string UpdatedAt = "updated_at";

    public const string Tracked = "tracked";
    public const string Focused = "focused";

    /// <summary>On a window: the device (browser) the window lives in.</summary>
    public const string DeviceId = "device_id";
}
