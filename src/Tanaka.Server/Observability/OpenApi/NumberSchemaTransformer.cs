using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tanaka.Server.Observability.OpenApi;

/// <summary>
/// Numbers are JSON numbers on the wire: the server writes them as numbers and reads the sync
/// request strictly (a quoted "5" is refused). The generator follows the web defaults, which
/// would also read strings, and so types every integer as "integer or string"; this says what
/// the server actually accepts, so generated clients get <c>number</c>, not <c>number | string</c>.
/// </summary>
internal sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
