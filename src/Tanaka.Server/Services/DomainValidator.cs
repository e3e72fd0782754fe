using Microsoft.Extensions.Options;
using Tanaka.Crdt;
using Tanaka.Server.Config;

namespace Tanaka.Server.Services;

/// <summary>
/// The rules a workspace document must keep after a merge (section <c>sync</c> limits): every
/// changed tab and window well-typed with URLs, titles and ids within their lengths and
/// <c>index</c> a non-negative integer; at most <c>max_tabs</c> tabs; the whole document within
/// <c>max_document_bytes</c>. Only what the update changed is checked, so a sync costs what it
/// carries, not the size of the workspace.
/// </summary>
public sealed class DomainValidator(IOptions<SyncOptions> options)
{
    // Ids echoed back in error paths are cut to this: they are the caller's own, but may be huge.
    private const int MaxIdInPath = 64;

    /// <summary>
    /// Per-field violations (empty when the document keeps every rule). <paramref name="storedBytes"/>
    /// is an upper bound of the document's encoded size; the exact size is measured only when it
    /// passes the limit.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(YDoc doc, ApplyResult applied, long storedBytes)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(applied);
        var limits = options.Value;
        var errors = new Violations();

        if (applied.ChangedKeys.TryGetValue(WorkspaceFields.Tabs, out var tabIds))
        {
            var tabs = doc.GetMap(WorkspaceFields.Tabs);
            foreach (var id in tabIds)
            {
                if (tabs.ContainsKey(id))
                {
                    CheckTab(errors, limits, id, tabs.Get(id));
                }
            }

            var count = tabs.Count;
            if (count > limits.MaxTabs)
            {
                errors.Add(WorkspaceFields.Tabs, $"The workspace would hold {count} tabs; the limit is {limits.MaxTabs} (sync.max_tabs).");
            }
        }

        if (applied.ChangedKeys.TryGetValue(WorkspaceFields.Windows, out var windowIds))
        {
            var windows = doc.GetMap(WorkspaceFields.Windows);
            foreach (var id in windowIds)
            {
                if (windows.ContainsKey(id))
                {
                    CheckWindow(errors, limits, id, windows.Get(id));
                }
            }
        }

        if (storedBytes > limits.MaxDocumentBytes)
        {
            var size = doc.EncodeStateAsUpdate().LongLength;
            if (size > limits.MaxDocumentBytes)
            {
                errors.Add("document", $"The workspace document would be {size} bytes; the limit is {limits.MaxDocumentBytes} (sync.max_document_bytes).");
            }
        }

        return errors.Result;
    }

    private static void CheckTab(Violations errors, SyncOptions limits, string id, object? value)
    {
        var path = $"{WorkspaceFields.Tabs}.{Shorten(id)}";
        CheckId(errors, limits, path, "tab id", id);
        if (!DocumentEntry.TryFrom(value, out var tab))
        {
            errors.Add(path, "A tab must be a map (Y.Map or object) of tab fields.");
            return;
        }

        CheckString(errors, tab, path, WorkspaceFields.WindowId, limits.MaxIdLength, "sync.max_id_length");
        CheckString(errors, tab, path, WorkspaceFields.Url, limits.MaxUrlLength, "sync.max_url_length");
        CheckString(errors, tab, path, WorkspaceFields.Title, limits.MaxTitleLength, "sync.max_title_length");
        CheckString(errors, tab, path, WorkspaceFields.FavIconUrl, limits.MaxUrlLength, "sync.max_url_length");
        if (!tab.TryGetIndex(WorkspaceFields.Index, out _))
        {
            errors.Add($"{path}.{WorkspaceFields.Index}", "Must be a non-negative integer.");
        }

        CheckBool(errors, tab, path, WorkspaceFields.Active);
        CheckBool(errors, tab, path, WorkspaceFields.Pinned);
        if (!tab.TryGetTimestamp(WorkspaceFields.UpdatedAt, out _))
        {
            errors.Add($"{path}.{WorkspaceFields.UpdatedAt}", "Must be a time in Unix milliseconds (a non-negative number).");
        }
    }

    private static void CheckWindow(Violations errors, SyncOptions limits, string id, object? value)
    {
        var path = $"{WorkspaceFields.Windows}.{Shorten(id)}";
        CheckId(errors, limits, path, "window id", id);
        if (!DocumentEntry.TryFrom(value, out var window))
        {
            errors.Add(path, "A window must be a map (Y.Map or object) of window fields.");
            return;
        }

        CheckBool(errors, window, path, WorkspaceFields.Tracked);
        CheckBool(errors, window, path, WorkspaceFields.Focused);
        CheckString(errors, window, path, WorkspaceFields.DeviceId, limits.MaxIdLength, "sync.max_id_length");
    }

    private static void CheckId(Violations errors, SyncOptions limits, string path, string what, string id)
    {
        if (id.Length == 0)
        {
            errors.Add(path, $"The {what} must not be empty.");
        }
        else if (id.Length > limits.MaxIdLength)
        {
            errors.Add(path, $"The {what} is {id.Length} characters long; the limit is {limits.MaxIdLength} (sync.max_id_length).");
        }
    }

    private static void CheckString(Violations errors, DocumentEntry entry, string path, string field, int maxLength, string setting)
    {
        if (!entry.TryGetString(field, out var text))
        {
            errors.Add($"{path}.{field}", "Must be a string.");
        }
        else if (text is not null && text.Length > maxLength)
        {
            // Lengths count UTF-16 code units, as JavaScript's String.length does.
            errors.Add($"{path}.{field}", $"Is {text.Length} characters long; the limit is {maxLength} ({setting}).");
        }
    }

    private static void CheckBool(Violations errors, DocumentEntry entry, string path, string field)
    {
        if (!entry.TryGetBool(field, out _))
        {
            errors.Add($"{path}.{field}", "Must be true or false.");
        }
    }

    private static string Shorten(string id) => id.Length <= MaxIdInPath ? id : string.Concat(id.AsSpan(0, MaxIdInPath), "…");

    private sealed class Violations
    {
        private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string[]> Result =>
            _byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var messages))
            {
                messages = [];
                _byField[field] = messages;
            }

            messages.Add(message);
        }
    }
}
