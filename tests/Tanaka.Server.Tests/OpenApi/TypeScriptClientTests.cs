using Tanaka.Server.Tests.Observability;

namespace Tanaka.Server.Tests.OpenApi;

public sealed class TypeScriptClientTests
{
    [Fact]
    public async Task Two_yjs_documents_converge_through_the_generated_client()
    {
        NodeCommand.RequirePackages();
        await using var server = await ObservedServer.StartAsync();

        var result = await NodeCommand.RunAsync(
            "node",
            ["--import", "tsx", "--test", "test/converge.test.ts"],
            new Dictionary<string, string>
            {
                ["TANAKA_URL"] = server.BaseAddress.ToString(),
                ["TANAKA_TOKEN"] = ObservedServer.Token,
            });

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("# pass 2", customMessage: result.ToString());
        result.Output.ShouldContain("# fail 0", customMessage: result.ToString());
        result.Output.ShouldContain("converged: {\"tabs\":{\"tab-b\":", customMessage: result.ToString());

        // What the devices converged to is what the server stored.
        using var client = server.CreateClient(ObservedServer.Token);
        var tabs = await client.GetStringAsync(new Uri("tabs", UriKind.Relative), TestContext.Current.CancellationToken);
        tabs.ShouldContain("B, renamed on the laptop");
        tabs.ShouldNotContain("tab-a");
    }
}
