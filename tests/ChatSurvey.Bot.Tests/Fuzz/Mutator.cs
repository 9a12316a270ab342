using System.Text;
using System.Text.Json.Nodes;

namespace ChatSurvey.Bot.Tests.Fuzz;

/// <summary>
/// Mutations of recorded payloads, from a seeded source: a JSON value swapped for one of the kinds that break parsers
/// (out-of-range numbers and dates, wrong types, control characters, very long or deeply nested values), a field
/// dropped, bytes flipped, cut or inserted, or a body of random bytes.
/// </summary>
public sealed class Mutator(Random random)
{
    private static readonly string[] NastyTexts =
    [
        "", " ", "\u0000", "agua\u0000potable", "\u0007\u001B[31m\u001B]0;x\u0007", "\u0085\u009B", "\uD83D", "\uFFFE\uFFFF",
        "\u202E\u200F\u200Bsi", "e\u0301\u0301\u0301", "😀👍🏽🇲🇽", new string('y', 8000), string.Concat(Enumerable.Repeat("y ", 4000)),
        string.Concat(Enumerable.Repeat("1,", 4000)), string.Concat(Enumerable.Repeat("arte y ", 1100)), "/start ../../etc/passwd",
        "/start " + new string('a', 300), "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"http://x\")", "%00%ff", "\r\n\r\n",
    ];

    private static readonly JsonNode?[] NastyValues =
    [
        null, 0, -1, long.MaxValue, long.MinValue, 1e308, -1e308, 0.5, 253402300800L, -62135596801L, 99999999999999999, true, false,
        "", "not a number", "2026-13-45T25:61:61Z", new string('9', 400),
    ];

    public Random Random => random;

    /// <summary>A hostile text a person could paste into any channel.</summary>
    public string Text() => random.Next(4) == 0 ? RandomText(random.Next(1, 600)) : NastyTexts[random.Next(NastyTexts.Length)];

    /// <summary>A mutation of a JSON document; sometimes no longer JSON at all.</summary>
    public string Json(string json) => random.Next(10) switch
    {
        < 6 => Structural(json),
        6 => Encoding.UTF8.GetString(Bytes(Encoding.UTF8.GetBytes(json))),
        7 => json[..random.Next(json.Length)],
        8 => new string('[', random.Next(65, 3000)) + new string(']', random.Next(0, 3000)),
        _ => RandomText(random.Next(0, 2000)),
    };

    /// <summary>The form with one value replaced, a field dropped, or a field added.</summary>
    public Dictionary<string, string> Form(IReadOnlyDictionary<string, string> form)
    {
        var mutated = new Dictionary<string, string>(form);
        var keys = mutated.Keys.ToList();
        switch (random.Next(4))
        {
            case 0:
                mutated.Remove(keys[random.Next(keys.Count)]);
                break;
            case 1:
                mutated[RandomText(random.Next(1, 20))] = Text();
                break;
            default:
                var key = keys[random.Next(keys.Count)];
                mutated[key] = random.Next(3) == 0 ? $"{NastyValues[random.Next(NastyValues.Length)]}" : Text();
                break;
        }

        return mutated;
    }

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string Structural(string json)
    {
        var root = JsonNode.Parse(json)!;
        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return json;
        }

        var (parent, name, index) = slots[random.Next(slots.Count)];
        var replacement = random.Next(6) switch
        {
            0 => NastyValues[random.Next(NastyValues.Length)]?.DeepClone(),
            1 => JsonValue.Create(Text()),
            2 => new JsonObject(),
            3 => new JsonArray(JsonValue.Create(Text()), 1, null),
            4 => null,
            _ => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        };
        if (parent is JsonObject obj && name is not null)
        {
            if (random.Next(5) == 0)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = replacement;
            }
        }
        else if (parent is JsonArray array)
        {
            array[index] = replacement;
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    slots.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }

    private byte[] Bytes(byte[] bytes)
    {
        var mutated = bytes.ToList();
        for (var n = random.Next(1, 8); n > 0 && mutated.Count > 0; n--)
        {
            var at = random.Next(mutated.Count);
            switch (random.Next(3))
            {
                case 0:
                    mutated[at] = (byte)random.Next(256);
                    break;
                case 1:
                    mutated.RemoveAt(at);
                    break;
                default:
                    mutated.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. mutated];
    }

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0x20, 0x7F),
                2 => (char)random.Next(0x80, 0x800),
                _ => (char)random.Next(0x800, 0x10000),
            };
        }

        return new string(chars);
    }
}
