namespace Tanaka.Server.Services;

/// <summary>
/// Names in the workspace document: the root maps and the fields of their entries, as the
/// extension writes them (docs/PROTOCOL.md, "The workspace document").
/// </summary>
internal static class WorkspaceFields
{
    public const string Tabs = "tabs";
    public const string Windows = "windows";

    public const string WindowId = "window_id";
    public const string Url = "url";
    public const string Title = "title";
    public const string FavIconUrl = "fav_icon_url";
    public const string Index = "index";
    public const string Active = "active";
    public const string Pinned = "pinned";
    public const string UpdatedAt = "updated_at";

    public const string Tracked = "tracked";
    public const string Focused = "focused";
    public const string DeviceId = "device_id";
}
