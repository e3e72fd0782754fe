namespace Tanaka.Server.Config;

/// <summary>
/// The configuration cannot be used. <see cref="Exception.Message"/> lists every problem, one per
/// line, each naming its key; the CLI prints it and exits non-zero without a stack trace.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException(IReadOnlyList<string> errors)
        : base(Format(errors)) => Errors = errors;

    public InvalidConfigurationException(string error)
        : this([error])
    {
    }

    public InvalidConfigurationException(string error, Exception innerException)
        : base(Format([error]), innerException) => Errors = [error];

    public IReadOnlyList<string> Errors { get; }

    private static string Format(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid configuration: {errors[0]}"
            : $"Invalid configuration ({errors.Count} problems):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
