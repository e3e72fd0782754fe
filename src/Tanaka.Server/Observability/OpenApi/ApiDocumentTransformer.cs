using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tanaka.Server.Errors;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Observability.OpenApi;

/// <summary>
/// Completes the generated document: title and version, the bearer scheme on operations that
/// need a token, descriptions and examples (<see cref="ApiOperationDocs"/>), and every error
/// response as <c>application/problem+json</c> with the shared <c>Problem</c> schema and the
/// codes that status can carry. Servers are left out so the document does not depend on the
/// address it was fetched from (clients are generated from a committed copy).
/// </summary>
internal sealed class ApiDocumentTransformer(BuildInfo build) : IOpenApiDocumentTransformer
{
    public const string ProblemSchemaId = "Problem";
    public const string BearerSchemeId = "bearer";
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Every code the server can send, in the order docs/ERRORS.md lists them.</summary>
    private static readonly string[] AllCodes =
    [
        ErrorCodes.ValidationFailed, ErrorCodes.InvalidJson, ErrorCodes.InvalidUpdate, ErrorCodes.Unauthorized,
        ErrorCodes.Forbidden, ErrorCodes.NotFound, ErrorCodes.MethodNotAllowed, ErrorCodes.PayloadTooLarge,
        ErrorCodes.UnsupportedMediaType, ErrorCodes.DomainRuleViolated, ErrorCodes.RateLimited, ErrorCodes.Unavailable,
        ErrorCodes.InternalError,
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Tanaka sync server",
            Version = build.Version,
            Description = "Mirrors browser windows and tabs across computers: each device keeps its tabs in a Yjs document "
                + "and syncs it through `POST /sync`. Authenticate with `Authorization: Bearer <token>` (tokens come from "
                + "`tanaka token create`). Every error is `application/problem+json` with a stable `code` (docs/ERRORS.md).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchemaId] = ProblemSchema();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerSchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A workspace token: `tanaka token create`, or the configured auth.token.",
        };

        HealthPaths.AddTo(document);
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Sync", Description = "Send a device's changes and receive what it lacks." },
            new() { Name = "Tabs", Description = "The workspace as rows: tabs, windows and devices." },
            new() { Name = HealthPaths.Tag, Description = "Liveness, readiness and version; public." },
        };
        if (document.Paths.TryGetValue("/health", out var health) && health.Operations is { } healthOperations)
        {
            foreach (var operation in healthOperations.Values)
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(HealthPaths.Tag, document) };
            }
        }

        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation.OperationId is { } id && ApiOperationDocs.ByOperationId.TryGetValue(id, out var docs))
                {
                    Describe(document, operation, docs);
                }
            }
        }

        // device_id is checked by the server (400 validation_failed when missing) but the DTO
        // reads it as nullable to report that error itself; clients must always send it.
        if (document.Components.Schemas.TryGetValue("SyncRequestDto", out var syncRequest) && syncRequest is OpenApiSchema request)
        {
            request.Required = new HashSet<string>(StringComparer.Ordinal) { "device_id" };
            if (request.Properties?.TryGetValue("device_id", out var deviceId) == true && deviceId is OpenApiSchema device)
            {
                device.Type = JsonSchemaType.String;
                device.MinLength = 1;
                device.MaxLength = 64;
                device.Pattern = "^[A-Za-z0-9._:-]+$";
            }
        }

        // The framework's own problem schemas are replaced by ours everywhere.
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiDocument document, OpenApiOperation operation, ApiOperationDocs docs)
    {
        operation.Description = docs.Description;
        operation.Responses ??= [];
        if (docs.RequiresToken)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, document)] = [] }];
        }

        if (docs.RequestExample is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = request.DeepClone();
            }
        }

        if (docs.ResponseExample is { } response
            && operation.Responses.TryGetValue("200", out var ok)
            && ok.Content is { } okContent)
        {
            foreach (var media in okContent.Values)
            {
                media.Example = response.DeepClone();
            }
        }

        foreach (var (status, codes) in docs.Errors.OrderBy(e => e.Key))
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            var examples = new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                examples[code] = new OpenApiExample { Summary = code, Value = ApiOperationDocs.ProblemExample(code, status) };
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = $"{ReasonPhrase(status)}. `code`: {string.Join(", ", codes.Select(c => $"`{c}`"))} (docs/ERRORS.md).",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    [ProblemContentType] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference(ProblemSchemaId, document),
                        Examples = examples,
                    },
                },
            };
        }
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"HTTP {status}";

    /// <summary>RFC 9457 problem details with the server's extensions (see <see cref="AppProblem"/>).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable and machine-readable; `errors` names each bad field (validation_failed, domain_rule_violated).",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "urn:tanaka:error:<code>." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The same for every occurrence of a code." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong this time, for a human." },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Machine-readable error code (docs/ERRORS.md).",
                Enum = [.. AllCodes.Select(c => (JsonNode)JsonValue.Create(c))],
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Ties the response to the server's logs and traces." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field path → messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
