using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

/// <summary>
/// Collects validation failures for one configuration section, each naming the full key
/// (<c>server.port</c>) and what is allowed, so a start-up failure tells the user exactly what to fix.
/// </summary>
internal sealed class SettingErrors(string section)
{
    private readonly List<string> _errors = [];

    public string Key(string name) => $"{section}.{name}";

    public void Add(string name, string message) => _errors.Add($"{Key(name)}: {message}");

    public void Range(string name, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(name, $"{value} is out of range; allowed: {min} to {max}");
        }
    }

    public void OneOf(string name, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            Add(name, $"'{value}' is not allowed; allowed: {string.Join(", ", allowed)}");
        }
    }

    public void NotBlank(string name, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(name, $"must not be empty; expected {what}");
        }
    }

    public ValidateOptionsResult ToResult() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
}
