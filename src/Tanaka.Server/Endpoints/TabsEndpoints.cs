using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tanaka.Server.Endpoints.Contracts;
using Tanaka.Server.Middleware;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Endpoints;

/// <summary>
/// <c>GET /tabs</c>, <c>GET /windows</c>, <c>GET /devices</c>: the token's workspace as rows,
/// read from the materialized tables (what the last accepted sync left), not from the document.
/// </summary>
public static class TabsEndpoints
{
    public static RouteGroupBuilder MapTabs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("")
            .WithTags("Tabs")
            .RequireAuthorization(WorkspaceClaims.Policy);

        group.MapGet("/tabs", ListTabsAsync)
            .WithName("ListTabs")
            .WithSummary("Every tab of the workspace, ordered by window, index and id.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/windows", ListWindowsAsync)
            .WithName("ListWindows")
            .WithSummary("Every window of the workspace, ordered by id.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/devices", ListDevicesAsync)
            .WithName("ListDevices")
            .WithSummary("Every device that synced with the workspace: the server clock it last received and when.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static async Task<Ok<TabsResponseDto>> ListTabsAsync(ClaimsPrincipal user, ITabRepository tabs, CancellationToken cancellationToken)
    {
        var rows = await tabs.ListAsync(user.GetWorkspaceId(), cancellationToken);
        return TypedResults.Ok(new TabsResponseDto([.. rows.Select(row => new TabDto(
            row.Tab.Id,
            row.Tab.WindowId,
            row.Tab.Url,
            row.Tab.Title,
            row.Tab.FavIconUrl,
            row.Tab.Index,
            row.Tab.Active,
            row.Tab.Pinned,
            row.Tab.UpdatedAt,
            row.Clock,
            row.DeviceId))]));
    }

    public static async Task<Ok<WindowsResponseDto>> ListWindowsAsync(ClaimsPrincipal user, IWindowRepository windows, CancellationToken cancellationToken)
    {
        var rows = await windows.ListAsync(user.GetWorkspaceId(), cancellationToken);
        return TypedResults.Ok(new WindowsResponseDto([.. rows.Select(row => new WindowDto(
            row.Window.Id,
            row.Window.Tracked,
            row.Window.Focused,
            row.Window.OwnerDeviceId,
            row.Window.UpdatedAt,
            row.Clock,
            row.DeviceId))]));
    }

    public static async Task<Ok<DevicesResponseDto>> ListDevicesAsync(ClaimsPrincipal user, ISyncStateRepository syncState, CancellationToken cancellationToken)
    {
        var devices = await syncState.ListAsync(user.GetWorkspaceId(), cancellationToken);
        return TypedResults.Ok(new DevicesResponseDto([.. devices.Select(d => new DeviceDto(d.DeviceId, d.LastClock, d.LastSync))]));
    }
}
