using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;
using Tanaka.Server.Middleware;
using Tanaka.Server.Observability.OpenApi;
using Tanaka.Server.Services;

namespace Tanaka.Server.Observability;

/// <summary>
/// Telemetry in one module: metrics for Prometheus at <c>/metrics</c>, traces exported over OTLP
/// when an endpoint is configured, trace ids on every log line, and the OpenAPI document with
/// its reference page. docs/OPERATIONS.md is the operator's view of all of it.
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";
    public const string OpenApiPath = "/openapi/{documentName}.json";
    public const string DocsPath = "/docs";

    /// <summary>The environment variables naming an OTLP collector, in the order they are read (after <c>observability.otlp_endpoint</c>).</summary>
    public static readonly string[] OtlpEndpointVariables = ["OTEL_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    private static readonly PathString[] UntracedPaths = [MetricsPath, "/healthz", "/ready", "/health"];

    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TanakaMetrics>();
        services.AddSingleton<IPostConfigureOptions<ProblemDetailsOptions>, ProblemCounting>();

        // Every log line written during a request carries its trace and span ids.
        services.Configure<LoggerFactoryOptions>(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.Configure<SimpleConsoleFormatterOptions>(options => options.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tanaka", serviceVersion: BuildInfo.FromAssembly().Version))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(TanakaMetrics.MeterName, SyncMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [.. TanakaMetrics.LatencyBuckets] })
                    // Every scrape reads the instruments afresh: Prometheus scrapes rarely, and a
                    // cached answer would hide a change made just before the scrape.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (metrics is IDeferredMeterProviderBuilder deferred)
                {
                    deferred.Configure(ConfigureMetrics);
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(SyncTracing.SourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !UntracedPaths.Contains(context.Request.Path));
                if (tracing is IDeferredTracerProviderBuilder deferred)
                {
                    deferred.Configure(ConfigureTracing);
                }
            });

        services.AddTanakaOpenApi();
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> (when observability.metrics_enabled; behind a token unless
    /// observability.metrics_public), <c>GET /openapi/v1.json</c> (observability.openapi_enabled)
    /// and <c>GET /docs</c> (observability.docs_enabled, needs the document).
    /// </summary>
    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.MetricsEnabled)
        {
            var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath).WithDisplayName("Prometheus metrics");
            metrics.WithMetadata(new ExcludeFromDescriptionAttribute());
            if (options.MetricsPublic)
            {
                metrics.AllowAnonymous();
            }
            else
            {
                metrics.RequireAuthorization(WorkspaceClaims.Policy);
            }
        }

        if (options.OpenApiEnabled)
        {
            app.MapTanakaOpenApi(OpenApiPath, options.DocsEnabled ? DocsPath : null);
        }

        return app;
    }

    /// <summary>The OTLP collector to export to, or null when tracing export is off.</summary>
    public static Uri? OtlpEndpoint(ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.OtlpEndpoint is { Length: > 0 } endpoint
            ? endpoint
            : OtlpEndpointVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return configured is not null && Uri.TryCreate(configured, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static void ConfigureMetrics(IServiceProvider services, MeterProviderBuilder metrics)
    {
        var options = services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (!options.MetricsEnabled)
        {
            // Nothing is aggregated when nobody can read it.
            metrics.AddView(_ => MetricStreamConfiguration.Drop);
            return;
        }

        if (OtlpEndpoint(options) is { } endpoint)
        {
            metrics.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(Exporter(endpoint, "v1/metrics"))));
        }
    }

    private static void ConfigureTracing(IServiceProvider services, TracerProviderBuilder tracing)
    {
        var options = services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (OtlpEndpoint(options) is { } endpoint)
        {
            tracing.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(Exporter(endpoint, "v1/traces"))));
        }
        else
        {
            // No collector: record nothing, so spans cost nothing.
            tracing.SetSampler(new AlwaysOffSampler());
        }
    }

    /// <summary>
    /// Exporter settings for one signal. The protocol (and headers) come from the standard
    /// OTEL_EXPORTER_OTLP_* variables; over HTTP the collector takes each signal at its own path,
    /// over gRPC (the default) at the root.
    /// </summary>
    private static OtlpExporterOptions Exporter(Uri endpoint, string signalPath)
    {
        var options = new OtlpExporterOptions();
        options.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
        return options;
    }

    /// <summary>Counts every problem+json response by its code, wherever in the pipeline it was made.</summary>
    private sealed class ProblemCounting(TanakaMetrics metrics) : IPostConfigureOptions<ProblemDetailsOptions>
    {
        public void PostConfigure(string? name, ProblemDetailsOptions options)
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails.Extensions.TryGetValue(Errors.AppProblem.CodeKey, out var code) && code is string text)
                {
                    metrics.Problem(text);
                }
            };
        }
    }
}
