using Scalar.AspNetCore;

namespace Tanaka.Server.Observability.OpenApi;

internal static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI document <c>v1</c>, completed by <see cref="ApiDocumentTransformer"/>.</summary>
    public static IServiceCollection AddTanakaOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options => options
            .AddSchemaTransformer<NumberSchemaTransformer>()
            .AddDocumentTransformer<ApiDocumentTransformer>());
        return services;
    }

    /// <summary>The document at <paramref name="documentPath"/>, and the Scalar reference page at <paramref name="docsPath"/> when given.</summary>
    public static void MapTanakaOpenApi(this IEndpointRouteBuilder app, string documentPath, string? docsPath)
    {
        app.MapOpenApi(documentPath).AllowAnonymous();
        if (docsPath is not null)
        {
            app.MapScalarApiReference(docsPath, scalar => scalar
                .WithTitle("Tanaka sync server API")
                .WithOpenApiRoutePattern(documentPath)
                .WithDynamicBaseServerUrl()
                .AddPreferredSecuritySchemes(ApiDocumentTransformer.BearerSchemeId))
                .AllowAnonymous();
        }
    }
}
