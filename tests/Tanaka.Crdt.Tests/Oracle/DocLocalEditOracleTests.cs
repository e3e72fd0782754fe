using System.Text.Json;
using System.Text.Json.Nodes;
using Tanaka.Crdt.Types;

namespace Tanaka.Crdt.Tests.Oracle;

/// <summary>
/// Replays scripts of local edits made with real yjs (same client id, same operations, with
/// remote updates from other clients in between) and compares the update bytes of every
/// transaction, the update emitted for every remote update, and the final state.
/// </summary>
public sealed class DocLocalEditOracleTests
{
    public static TheoryData<int, string> Scripts()
    {
        var data = new TheoryData<int, string>();
        var scripts = DocFixtures.LocalScripts();
        for (var i = 0; i < scripts.Count; i++)
        {
            data.Add(i, (string)scripts[i]!["name"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Local_edits_emit_the_bytes_yjs_emits(int index, string name)
    {
        var script = DocFixtures.LocalScripts()[index]!.AsObject();
        var roots = script["roots"]!.AsObject();
        var doc = new YDoc((ulong)script["clientId"]!, gc: (bool)script["gc"]!);
        byte[]? emitted = null;
        doc.Updated += u => emitted = u;
        var step = 0;
        foreach (var s in script["steps"]!.AsArray())
        {
            step++;
            var expected = s!["update"] is null || s["kind"]!.ToString() == "remote" ? null : DocFixtures.Bytes(s["update"]);
            if ((string)s["kind"]! == "tx")
            {
                emitted = null;
                var update = doc.Transact(() =>
                {
                    foreach (var op in s["ops"]!.AsArray())
                    {
                        Run(doc, roots, op!.AsObject());
                    }
                });
                Convert.ToHexString(update).ShouldBe(expected is null ? "" : Convert.ToHexString(expected), $"{name} step {step}: {s["ops"]!.ToJsonString()}");
                Convert.ToHexString(emitted ?? []).ShouldBe(Convert.ToHexString(update), $"{name} step {step}: Updated event");
            }
            else
            {
                emitted = null;
                doc.ApplyUpdate(DocFixtures.Bytes(s["update"]));
                var yjsEmitted = s["emitted"] is null ? "" : Convert.ToHexString(DocFixtures.Bytes(s["emitted"]));
                Convert.ToHexString(emitted ?? []).ShouldBe(yjsEmitted, $"{name} step {step}: update emitted for a remote update");
            }
        }

        var final = script["final"]!.AsObject();
        Convert.ToHexString(doc.EncodeStateVector()).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(final["stateVector"])), $"{name}: state vector");
        Convert.ToHexString(doc.EncodeStateAsUpdate()).ShouldBe(Convert.ToHexString(DocFixtures.Bytes(final["state"])), $"{name}: state");
        DocReplayOracleTests.CompareJson(doc, roots, final["json"]!.AsObject(), name);
    }

    private static void Run(YDoc doc, JsonObject roots, JsonObject op)
    {
        var target = Resolve(doc, roots, op["path"]!.AsArray());
        switch ((string)op["op"]!)
        {
            case "set": ((YMap)target).Set((string)op["key"]!, Value(op["value"])); break;
            case "setMap": ((YMap)target).SetMap((string)op["key"]!); break;
            case "setArray": ((YMap)target).SetArray((string)op["key"]!); break;
            case "setText": ((YMap)target).SetText((string)op["key"]!); break;
            case "delete": ((YMap)target).Delete((string)op["key"]!); break;
            case "insert": ((YArray)target).Insert((int)op["index"]!, Values(op["values"])); break;
            case "push": ((YArray)target).Push(Values(op["values"])); break;
            case "insertMap": ((YArray)target).InsertMap((int)op["index"]!); break;
            case "remove": ((YArray)target).Delete((int)op["index"]!, (int)op["length"]!); break;
            case "textInsert": ((YText)target).Insert((int)op["index"]!, (string)op["text"]!); break;
            case "textDelete": ((YText)target).Delete((int)op["index"]!, (int)op["length"]!); break;
            default: throw new InvalidOperationException($"unknown op {op["op"]}");
        }
    }

    private static YType Resolve(YDoc doc, JsonObject roots, JsonArray path)
    {
        var name = (string)path[0]!;
        YType t = (string)roots[name]! switch
        {
            "map" => doc.GetMap(name),
            "array" => doc.GetArray(name),
            _ => doc.GetText(name),
        };
        for (var i = 1; i < path.Count; i++)
        {
            var seg = path[i]!;
            t = seg.GetValueKind() == JsonValueKind.Number
                ? (YType)((YArray)t).Get((int)seg)!
                : (YType)((YMap)t).Get((string)seg!)!;
        }

        return t;
    }

    private static object?[] Values(JsonNode? node) => node!.AsArray().Select(Value).ToArray();

    /// <summary>Fixture values are JSON, except { "$t": "bytes", "v": base64 } for byte arrays.</summary>
    internal static object? Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray a:
                return a.Select(Value).ToArray();
            case JsonObject o when o.Count == 2 && o["$t"] is JsonValue t && (string)t! == "bytes":
                return Convert.FromBase64String((string)o["v"]!);
            case JsonObject o:
                var d = new Dictionary<string, object?>();
                foreach (var (k, v) in o)
                {
                    d[k] = Value(v);
                }

                return d;
            default:
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => value.GetValue<double>(),
                    _ => null,
                };
        }
    }
}
