using Tanaka.Client.Devices;

namespace Tanaka.Load.Simulation;

/// <summary>
/// What a person does to tabs, as edits on a device's workspace document: mostly title changes
/// and navigation, then switching tabs, moving, opening and closing (which keep each window near
/// its starting size). Nine edits in ten are in the device's home window.
/// </summary>
internal sealed class TabActivity(WorkspaceDocument workspace, Random random, string deviceId, string homeWindow, IReadOnlyList<string> windows, int tabsPerWindow)
{
    private int _opened;

    public void Edit()
    {
        var window = random.NextDouble() < 0.9 ? homeWindow : windows[random.Next(windows.Count)];
        var tabs = workspace.ListTabs(window);
        var roll = random.NextDouble();
        if (tabs.Count == 0 || (roll >= 0.85 && tabs.Count < tabsPerWindow - 3))
        {
            Open(window, tabs.Count);
            return;
        }

        var tab = tabs[random.Next(tabs.Count)];
        switch (roll)
        {
            case < 0.35:
                workspace.SetTitle(tab.Id, PageCatalog.Title(random));
                break;
            case < 0.60:
                var (url, title) = PageCatalog.Next(random);
                workspace.Navigate(tab.Id, url, title);
                break;
            case < 0.75:
                workspace.ActivateTab(tab.Id);
                break;
            case < 0.85:
                workspace.MoveTab(tab.Id, window, random.Next(tabs.Count));
                break;
            case < 0.925 when tabs.Count <= tabsPerWindow + 3:
                Open(window, tabs.Count);
                break;
            default:
                workspace.CloseTab(tab.Id);
                break;
        }
    }

    private void Open(string window, int count)
    {
        var (url, title) = PageCatalog.Next(random);
        workspace.OpenTab(new TabState($"{deviceId}-t{++_opened}", window, url, title, random.Next(count + 1)));
    }
}
