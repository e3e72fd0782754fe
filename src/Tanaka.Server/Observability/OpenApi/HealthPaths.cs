using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Tanaka.Server.Observability.OpenApi;

/// <summary>
/// <c>/healthz</c> and <c>/ready</c> are health-check endpoints, which the API explorer does not
/// see; they are described here so the document lists every endpoint the server has.
/// </summary>
internal static class HealthPaths
{
    public const string ReportSchemaId = "HealthReport";
    public const string Tag = "Health";

    public static void AddTo(OpenApiDocument document)
    {
        document.Components!.Schemas![ReportSchemaId] = ReportSchema();
        document.Paths["/healthz"] = Path(
            document,
            "GetLiveness",
            "Liveness: the process answers.",
            "Always public and always 200 while the process runs; no check runs, so a slow database never gets the process restarted.",
            new JsonObject { ["status"] = "healthy", ["checks"] = new JsonArray() },
            unavailable: null);
        document.Paths["/ready"] = Path(
            document,
            "GetReadiness",
            "Readiness: database reachable and migrated, data directory writable.",
            "Always public. 200 when every readiness check is healthy (or degraded), 503 with the same body when one is unhealthy; "
                + "descriptions never include exception messages.",
            Report("healthy", ("data_directory", "healthy", "The data directory is writable."), ("database", "healthy", "schema version 2")),
            Report("unhealthy", ("data_directory", "healthy", "The data directory is writable."), ("database", "unhealthy", "The database cannot be opened.")));
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string id, string summary, string description, JsonObject healthy, JsonObject? unavailable)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = Response(document, "The server is healthy.", healthy),
        };
        if (unavailable is not null)
        {
            responses["503"] = Response(document, "A readiness check failed; the body says which.", unavailable);
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = id,
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Response(OpenApiDocument document, string description, JsonObject example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ReportSchemaId, document), Example = example },
        },
    };

    private static JsonObject Report(string status, params (string Name, string Status, string Description)[] checks) => new()
    {
        ["status"] = status,
        ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["status"] = c.Status,
            ["description"] = c.Description,
        })]),
    };

    private static OpenApiSchema ReportSchema()
    {
        var status = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("healthy"), JsonValue.Create("degraded"), JsonValue.Create("unhealthy")] };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["status"] = status,
                ["checks"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { "name", "status", "description" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["status"] = status,
                            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                        },
                    },
                },
            },
        };
    }
}
