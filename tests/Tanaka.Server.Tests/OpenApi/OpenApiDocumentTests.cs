using System.Net;
using System.Text.Json.Nodes;
using Tanaka.Server.Observability.OpenApi;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Observability;

namespace Tanaka.Server.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    /// <summary>Set to 1 to rewrite the committed document and schema from the server instead of comparing.</summary>
    private const string RefreshVariable = "TANAKA_REFRESH_CLIENT";

    private const string Regenerate =
        "Regenerate the TypeScript client: `" + RefreshVariable + "=1 dotnet test tests/Tanaka.Server.Tests --filter "
        + "FullyQualifiedName~OpenApiDocumentTests.Committed` (or save GET /openapi/v1.json of a running server as "
        + "clients/typescript/openapi.json and run `npm run generate` in clients/typescript), and commit both files.";

    private static bool Refreshing => Environment.GetEnvironmentVariable(RefreshVariable) == "1";

    private static readonly string CommittedDocument = Path.Combine(NodeCommand.ClientDirectory, "openapi.json");
    private static readonly string CommittedSchema = Path.Combine(NodeCommand.ClientDirectory, "src", "schema.d.ts");

    [Fact]
    public async Task Committed_document_is_what_the_server_serves()
    {
        await RefreshIfAskedAsync();
        var served = await FetchAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument, TestContext.Current.CancellationToken));
        JsonNode.DeepEquals(served, committed).ShouldBeTrue($"clients/typescript/openapi.json is stale. {Regenerate}");
    }

    [Fact]
    public async Task Committed_typescript_schema_is_what_openapi_typescript_generates()
    {
        NodeCommand.RequirePackages();
        await RefreshIfAskedAsync();
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "schema.d.ts");
        var result = await NodeCommand.RunAsync("npx", ["--no-install", "openapi-typescript", "openapi.json", "--output", output]);
        result.ExitCode.ShouldBe(0, result.ToString());

        var generated = (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).ReplaceLineEndings();
        var committed = (await File.ReadAllTextAsync(CommittedSchema, TestContext.Current.CancellationToken)).ReplaceLineEndings();
        generated.ShouldBe(committed, $"clients/typescript/src/schema.d.ts is stale. {Regenerate}");
    }

    [Fact]
    public async Task Typescript_client_compiles_against_its_schema()
    {
        NodeCommand.RequirePackages();
        var result = await NodeCommand.RunAsync("npx", ["--no-install", "tsc", "--noEmit", "-p", "."]);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task Every_operation_is_described_with_examples_and_problem_responses()
    {
        var document = (await FetchAsync()).AsObject();
        var problemCodes = document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["enum"]!.AsArray()
            .Select(c => c!.GetValue<string>()).ToHashSet();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!.AsObject())))
            .ToList();

        operations.Select(o => o.Name).ShouldBe(
            ["GET /health", "GET /healthz", "GET /ready", "POST /sync", "GET /tabs", "GET /windows", "GET /devices"], ignoreOrder: true);
        foreach (var (name, operation) in operations)
        {
            operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(name);
            operation["description"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(name);
            operation["tags"]!.AsArray().ShouldHaveSingleItem(name);
            var responses = operation["responses"]!.AsObject();
            responses["200"]!["content"]!["application/json"]!["example"].ShouldNotBeNull($"{name}: 200 example");
            if (name is "GET /healthz" or "GET /ready")
            {
                // Probes answer with the health report, also when unhealthy (503), never with a problem.
                responses.Where(r => r.Key != "200").ShouldAllBe(r => r.Key == "503");
                continue;
            }

            var errors = responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400).ToList();
            errors.ShouldNotBeEmpty(name);
            foreach (var (status, response) in errors)
            {
                var media = response!["content"]!["application/problem+json"];
                media.ShouldNotBeNull($"{name} {status}: problem+json");
                media["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/Problem");
                var examples = media["examples"]!.AsObject();
                examples.Count.ShouldBeGreaterThan(0, $"{name} {status}");
                foreach (var (code, example) in examples)
                {
                    problemCodes.ShouldContain(code);
                    example!["value"]!["code"]!.GetValue<string>().ShouldBe(code);
                    example["value"]!["status"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(status);
                    response["description"]!.GetValue<string>().ShouldContain($"`{code}`");
                }
            }
        }

        var sync = document["paths"]!["/sync"]!["post"]!;
        sync["requestBody"]!["content"]!["application/json"]!["example"]!["update"]!.GetValue<string>().ShouldBe(ApiOperationDocs.ExampleUpdate);
        sync["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "413", "415", "422", "429", "500", "503"], ignoreOrder: true);
        sync["security"]!.AsArray().ShouldHaveSingleItem();
        document["paths"]!["/health"]!["get"]!["security"].ShouldBeNull();
    }

    [Fact]
    public async Task Sync_request_example_is_accepted_by_the_server()
    {
        // The documented example is a real request: the server takes it (a device that is ahead
        // of the server gets the full state, and the update lands; once it has, the server holds
        // everything the example's state vector names, so its own state vector is left out).
        await using var server = await ObservedServer.StartAsync();
        using var client = server.CreateClient(ObservedServer.Token);
        var (status, answer) = await ObservedServer.SyncAsync(client, "laptop-firefox", ApiOperationDocs.ExampleUpdate, ApiOperationDocs.ExampleStateVector);
        status.ShouldBe(200);
        answer["clock"]!.GetValue<long>().ShouldBeGreaterThan(0);
        answer.ContainsKey("state_vector").ShouldBeFalse();
    }

    [Fact]
    public async Task Reference_page_is_served_and_both_can_be_switched_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var server = await TanakaServer.StartAsync())
        {
            using var client = server.CreateClient();
            var page = await client.GetAsync(new Uri("docs/", UriKind.Relative), ct);
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            // Scalar resolves the document's address against the site root: /openapi/v1.json.
            (await page.Content.ReadAsStringAsync(ct)).ShouldContain("\"url\":\"openapi/v1.json\"");
        }

        await using (var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["observability.docs_enabled"] = "false" }))
        {
            using var client = server.CreateClient();
            (await client.GetAsync(new Uri("docs/", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using (var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["observability.openapi_enabled"] = "false" }))
        {
            using var client = server.CreateClient();
            (await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync(new Uri("docs/", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    /// <summary>With <see cref="RefreshVariable"/>=1, rewrites openapi.json from the server and schema.d.ts from it.</summary>
    private static async Task RefreshIfAskedAsync()
    {
        if (!Refreshing)
        {
            return;
        }

        var served = await FetchAsync();
        // Relaxed escaping keeps backticks and quotes readable in the committed file.
        var indented = served.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        await File.WriteAllTextAsync(CommittedDocument, indented + "\n", TestContext.Current.CancellationToken);
        var result = await NodeCommand.RunAsync("npx", ["--no-install", "openapi-typescript", "openapi.json", "--output", CommittedSchema]);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static async Task<JsonNode> FetchAsync()
    {
        await using var server = await TanakaServer.StartAsync();
        using var client = server.CreateClient();
        var text = await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!;
    }
}
