using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Endpoints.Contracts;
using Tanaka.Server.Middleware;
using Tanaka.Server.Observability;
using Tanaka.Server.Services;

namespace Tanaka.Server.Endpoints;

/// <summary><c>POST /sync</c>: a device sends what it changed and gets back what it lacks (docs/PROTOCOL.md).</summary>
public static class SyncEndpoints
{
    public static RouteGroupBuilder MapSync(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("")
            .WithTags("Sync")
            .RequireAuthorization(WorkspaceClaims.Policy);

        // Mapped as "/sync" itself (not "" under a "/sync" group, which routing names "/sync/").
        group.MapPost("/sync", SyncAsync)
            .WithName("Sync")
            .WithSummary("Send a device's Yjs update and receive what the device lacks.")
            .WithDescription("The update is merged into the workspace document of the token and stamped with the next Lamport clock. "
                + "The answer holds the exact diff against state_vector when given, else the updates recorded after since_clock, else the full state.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    public static async Task<Ok<SyncResponseDto>> SyncAsync(
        [FromBody] SyncRequestDto body,
        ClaimsPrincipal user,
        ISyncService sync,
        IOptions<SyncOptions> limits,
        CancellationToken cancellationToken)
    {
        SyncRequest request;
        using (var decode = SyncTracing.Start(SyncTracing.Decode))
        {
            request = body.ToSyncRequest(limits.Value);
            decode?.SetTag(SyncTracing.BytesTag, (request.Update?.Length ?? 0) + (request.StateVector?.Length ?? 0));
        }

        var result = await sync.SyncAsync(user.GetWorkspaceId(), request, cancellationToken);
        // byte[] is written as standard base64 by the serializer, straight into the response.
        return TypedResults.Ok(new SyncResponseDto(result.Clock, result.Update, result.StateVector));
    }
}
