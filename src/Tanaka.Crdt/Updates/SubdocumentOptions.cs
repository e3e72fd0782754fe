using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Updates;

/// <summary>
/// The options of a subdocument (ContentDoc) as Yjs rebuilds them after decoding: it creates a
/// Doc from <c>{ guid, ...options }</c> and writes back only <c>gc: false</c>,
/// <c>autoLoad: true</c> and <c>meta</c>, in that order.
/// </summary>
internal static class SubdocumentOptions
{
    /// <summary>Returns the guid and options Yjs would write for decoded ones, or throws for options Yjs cannot read.</summary>
    public static (string Guid, AnyObject Options) Canonicalize(string guid, object? options, long offset)
    {
        var result = new AnyObject();
        if (options is null or Undefined)
        {
            // Yjs reads properties of the options, which throws for null and undefined.
            throw new UpdateDecodeException(DecodeError.Inconsistent, "Subdocument options are null or undefined", offset);
        }

        if (options is not AnyObject obj)
        {
            return (guid, result);
        }

        if (obj.TryGetValue("guid", out var ownGuid))
        {
            guid = ownGuid as string
                ?? throw new UpdateDecodeException(DecodeError.Unsupported, "Subdocument options hold a guid that is not a string", offset);
        }

        if (obj.TryGetValue("gc", out var gc) && gc is not Undefined && !IsTruthy(gc))
        {
            result.Set("gc", false);
        }

        if (obj.TryGetValue("autoLoad", out var autoLoad) && IsTruthy(autoLoad))
        {
            result.Set("autoLoad", true);
        }

        if (obj.TryGetValue("meta", out var meta) && meta is not (null or Undefined))
        {
            result.Set("meta", meta);
        }

        return (guid, result);
    }

    /// <summary>JavaScript truthiness of an Any value.</summary>
    private static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        long l => l != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
