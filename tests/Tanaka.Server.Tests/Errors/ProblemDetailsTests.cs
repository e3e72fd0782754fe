using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tanaka.Server.Errors;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Errors;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TanakaServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TanakaServer.StartAsync(
            config: new Dictionary<string, string?>
            {
                ["server:max_request_body_bytes"] = "4096",
                ["sync:max_update_bytes"] = "2048",
                ["server:request_timeout_seconds"] = "1",
            },
            configureEndpoints: ErrorEndpoints.Map);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, int> Codes() => new()
    {
        { ErrorCodes.ValidationFailed, 400 },
        { ErrorCodes.InvalidJson, 400 },
        { ErrorCodes.InvalidUpdate, 400 },
        { ErrorCodes.Unauthorized, 401 },
        { ErrorCodes.Forbidden, 403 },
        { ErrorCodes.NotFound, 404 },
        { ErrorCodes.MethodNotAllowed, 405 },
        { ErrorCodes.PayloadTooLarge, 413 },
        { ErrorCodes.UnsupportedMediaType, 415 },
        { ErrorCodes.DomainRuleViolated, 422 },
        { ErrorCodes.RateLimited, 429 },
        { ErrorCodes.Unavailable, 503 },
        { ErrorCodes.InternalError, 500 },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task A_thrown_error_becomes_problem_json_with_its_code_and_status(string code, int status)
    {
        using var response = await _client.GetAsync($"test/throw/{code}", TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, status, code, ErrorEndpoints.Samples[code].Detail);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task A_returned_error_has_the_same_shape_as_a_thrown_one(string code, int status)
    {
        using var response = await _client.GetAsync($"test/result/{code}", TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, status, code, ErrorEndpoints.Samples[code].Detail);
    }

    [Fact]
    public void Every_error_code_has_a_sample_and_is_documented()
    {
        var codes = typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var docs = File.ReadAllText(RepoRoot.File("docs", "ERRORS.md"));

        ErrorEndpoints.Samples.Keys.ShouldBe(codes, ignoreOrder: true);
        Codes().Select(row => row.Data.Item1).ShouldBe(codes, ignoreOrder: true);
        foreach (var code in codes)
        {
            docs.ShouldContain($"`{code}`");
        }
    }

    [Fact]
    public async Task Per_field_errors_appear_for_validation_and_domain_rules()
    {
        using var validation = await _client.GetAsync($"test/throw/{ErrorCodes.ValidationFailed}", TestContext.Current.CancellationToken);
        using var domain = await _client.GetAsync($"test/throw/{ErrorCodes.DomainRuleViolated}", TestContext.Current.CancellationToken);

        var validationErrors = (await ReadJson(validation)).GetProperty("errors");
        validationErrors.GetProperty("windowId")[0].GetString().ShouldBe("must not be empty");
        var domainErrors = (await ReadJson(domain)).GetProperty("errors");
        domainErrors.GetProperty("tabs")[0].GetString().ShouldBe("at most 5000 tabs");
    }

    [Fact]
    public async Task Errors_that_say_when_to_retry_send_Retry_After_in_whole_seconds()
    {
        using var limited = await _client.GetAsync($"test/throw/{ErrorCodes.RateLimited}", TestContext.Current.CancellationToken);
        using var unavailable = await _client.GetAsync($"test/throw/{ErrorCodes.Unavailable}", TestContext.Current.CancellationToken);

        // 12.2 s rounds up: retrying earlier would be refused again.
        limited.Headers.GetValues("Retry-After").ShouldBe(["13"]);
        unavailable.Headers.GetValues("Retry-After").ShouldBe(["2"]);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_that_reveals_nothing()
    {
        using var response = await _client.GetAsync("test/crash", TestContext.Current.CancellationToken);

        var body = await ShouldBeProblem(response, 500, ErrorCodes.InternalError, expectedDetail: null);
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("secret");
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain("   at ");
        _server.Logs.Entries.ShouldContain(e => e.Exception is InvalidOperationException, "the cause is logged for the operator");
    }

    [Theory]
    [InlineData("{not json", "invalid_json")]
    [InlineData("""{"name":"a","count":"three"}""", "invalid_json")]
    [InlineData("""{"name":"a","count":1,"data":"***not base64***"}""", "invalid_json")]
    [InlineData("[1,2,3]", "invalid_json")]
    public async Task A_body_that_is_not_the_expected_json_is_a_400(string json, string code)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("test/echo", content, TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, 400, code, expectedDetail: null);
    }

    [Fact]
    public async Task The_json_error_says_where_the_problem_is()
    {
        using var content = new StringContent("""{"name":"a","count":"three"}""", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("test/echo", content, TestContext.Current.CancellationToken);

        (await ReadJson(response)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("$.count");
    }

    [Fact]
    public async Task A_valid_body_still_works()
    {
        using var response = await _client.PostAsJsonAsync("test/echo", new EchoRequest("a", 2, [1, 2, 3]), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<EchoRequest>(TestContext.Current.CancellationToken))!.Data.ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task A_missing_body_is_a_validation_failure()
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("test/echo", content, TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, 400, ErrorCodes.ValidationFailed, expectedDetail: null);
    }

    [Fact]
    public async Task A_route_or_query_value_of_the_wrong_type_is_a_validation_failure()
    {
        using var query = await _client.GetAsync("test/query?count=many", TestContext.Current.CancellationToken);
        using var missing = await _client.GetAsync("test/query", TestContext.Current.CancellationToken);

        await ShouldBeProblem(query, 400, ErrorCodes.ValidationFailed, expectedDetail: null);
        await ShouldBeProblem(missing, 400, ErrorCodes.ValidationFailed, expectedDetail: null);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_whether_its_length_is_declared_or_not()
    {
        var big = $$"""{"name":"{{new string('x', 8192)}}","count":1}""";
        using var declared = new StringContent(big, Encoding.UTF8, "application/json");
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, "test/echo") { Content = chunked };
        chunkedRequest.Headers.TransferEncodingChunked = true;

        using var declaredResponse = await _client.PostAsync("test/echo", declared, TestContext.Current.CancellationToken);
        using var chunkedResponse = await _client.SendAsync(chunkedRequest, TestContext.Current.CancellationToken);

        await ShouldBeProblem(declaredResponse, 413, ErrorCodes.PayloadTooLarge, expectedDetail: null);
        await ShouldBeProblem(chunkedResponse, 413, ErrorCodes.PayloadTooLarge, expectedDetail: null);
    }

    [Fact]
    public async Task A_body_in_another_media_type_is_a_415()
    {
        using var content = new StringContent("name=a", Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync("test/echo", content, TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, 415, ErrorCodes.UnsupportedMediaType, expectedDetail: null);
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_get_problem_json_too()
    {
        using var unknown = await _client.GetAsync("no/such/route", TestContext.Current.CancellationToken);
        using var wrongMethod = await _client.DeleteAsync("health", TestContext.Current.CancellationToken);

        await ShouldBeProblem(unknown, 404, ErrorCodes.NotFound, expectedDetail: null);
        await ShouldBeProblem(wrongMethod, 405, ErrorCodes.MethodNotAllowed, expectedDetail: null);
    }

    [Fact]
    public async Task A_request_over_the_time_limit_is_a_503()
    {
        using var response = await _client.GetAsync("test/slow", TestContext.Current.CancellationToken);

        var body = await ShouldBeProblem(response, 503, ErrorCodes.Unavailable, expectedDetail: null);
        body.ShouldContain("server.request_timeout_seconds");
    }

    [Fact]
    public async Task Problems_are_json_even_when_the_client_asks_for_html()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"test/throw/{ErrorCodes.NotFound}");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await ShouldBeProblem(response, 404, ErrorCodes.NotFound, ErrorEndpoints.Samples[ErrorCodes.NotFound].Detail);
    }

    private static async Task<string> ShouldBeProblem(HttpResponseMessage response, int status, string code, string? expectedDetail)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("status").GetInt32().ShouldBe(status);
        root.GetProperty("code").GetString().ShouldBe(code);
        root.GetProperty("type").GetString().ShouldBe($"urn:tanaka:error:{code}");
        root.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        root.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        root.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        if (expectedDetail is not null)
        {
            root.GetProperty("detail").GetString().ShouldBe(expectedDetail);
        }

        if (code is ErrorCodes.ValidationFailed)
        {
            root.GetProperty("errors").ValueKind.ShouldBe(JsonValueKind.Object);
        }

        return body;
    }

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
}
