using System.CommandLine;
using System.Globalization;
using Tanaka.Server.Domain;
using Tanaka.Server.Services;

namespace Tanaka.Server.Cli;

/// <summary>
/// <c>tanaka token create --name NAME [--workspace ID]</c> (prints the new token once),
/// <c>tanaka token list</c> (never shows tokens or hashes) and <c>tanaka token revoke ID</c>
/// (effective at the server's next request). Works on the database the configuration names,
/// migrating it first, whether or not a server is running.
/// </summary>
public static class TokenCommand
{
    private static readonly Option<string> Name = new("--name")
    {
        Description = "What the token is for, e.g. the computer it goes on.",
        Required = true,
    };

    private static readonly Option<string> WorkspaceOption = new("--workspace")
    {
        Description = "The workspace the token opens (created if new).",
        DefaultValueFactory = _ => Workspace.DefaultId,
    };

    private static readonly Argument<long> Id = new("id") { Description = "The token id, as 'tanaka token list' shows it." };

    public static Command Create()
    {
        var create = new Command("create", "Create an access token and print it (shown only this once).") { Name, WorkspaceOption };
        ServeCommand.AcceptSettings(create);
        create.SetAction(CreateAsync);

        var list = new Command("list", "List tokens: id, name, workspace, created, last used, revoked.");
        ServeCommand.AcceptSettings(list);
        list.SetAction(ListAsync);

        var revoke = new Command("revoke", "Revoke a token; requests with it fail from then on.") { Id };
        ServeCommand.AcceptSettings(revoke);
        revoke.SetAction(RevokeAsync);

        return new Command("token", "Manage access tokens.") { create, list, revoke };
    }

    private static Task<int> CreateAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        WithAuthAsync(parseResult, cancellationToken, async (auth, output, error) =>
        {
            IssuedToken issued;
            try
            {
                issued = await auth.CreateTokenAsync(parseResult.GetValue(Name)!, parseResult.GetValue(WorkspaceOption)!, cancellationToken);
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"tanaka: {FirstSentence(e.Message)}");
                return ExitCodes.InvalidConfiguration;
            }

            await output.WriteLineAsync($"Created token {issued.Record.Id} '{issued.Record.Name}' for workspace '{issued.Record.WorkspaceId}'.");
            await output.WriteLineAsync("It is shown only this once; the server keeps only its hash:");
            await output.WriteLineAsync();
            await output.WriteLineAsync(issued.Token);
            return ExitCodes.Success;
        });

    private static Task<int> ListAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        WithAuthAsync(parseResult, cancellationToken, async (auth, output, _) =>
        {
            var tokens = await auth.ListTokensAsync(cancellationToken);
            if (tokens.Count == 0)
            {
                await output.WriteLineAsync("No tokens. Create one with: tanaka token create --name NAME");
                return ExitCodes.Success;
            }

            string[] header = ["ID", "NAME", "WORKSPACE", "CREATED", "LAST USED", "REVOKED"];
            var rows = tokens.Select(t => new[]
            {
                t.Id.ToString(CultureInfo.InvariantCulture),
                t.Name,
                t.WorkspaceId,
                Time(t.CreatedAt),
                t.LastUsedAt is { } used ? Time(used) : "never",
                t.RevokedAt is { } revoked ? Time(revoked) : "-",
            }).ToList();
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }

            return ExitCodes.Success;
        });

    private static Task<int> RevokeAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        WithAuthAsync(parseResult, cancellationToken, async (auth, output, error) =>
        {
            var id = parseResult.GetValue(Id);
            if (!await auth.RevokeTokenAsync(id, cancellationToken))
            {
                await error.WriteLineAsync($"tanaka: there is no active token {id}; see 'tanaka token list'.");
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync($"Revoked token {id}.");
            return ExitCodes.Success;
        });

    /// <summary>Runs <paramref name="action"/> with the auth service of a built, migrated (not started) server.</summary>
    private static Task<int> WithAuthAsync(
        ParseResult parseResult,
        CancellationToken cancellationToken,
        Func<IAuthService, TextWriter, TextWriter, Task<int>> action) =>
        CliHost.RunWithMigratedServicesAsync(
            parseResult,
            (services, _, output, error) => action(services.GetRequiredService<IAuthService>(), output, error),
            cancellationToken);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // ArgumentException appends " (Parameter 'x')"; the person at the console needs only the rule.
    private static string FirstSentence(string message) => message.Split(" (Parameter", 2)[0];
}
