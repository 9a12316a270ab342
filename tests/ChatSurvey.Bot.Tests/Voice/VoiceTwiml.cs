using System.Xml.Linq;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>A TwiML answer, parsed (never compared as a string): what it says, what its Gather listens for, whether it hangs up.</summary>
public sealed class VoiceTwiml
{
    private VoiceTwiml(XElement response) => Response = response;

    public XElement Response { get; }

    public IReadOnlyList<XElement> Says => [.. Response.Descendants("Say")];

    /// <summary>Everything said, in order, as one text.</summary>
    public string Said => string.Join(' ', Says.Select(s => s.Value));

    public XElement? Gather => Response.Element("Gather");

    public bool HangsUp => Response.Element("Hangup") is not null;

    public string? Attribute(string name) => Gather?.Attribute(name)?.Value;

    public static VoiceTwiml Parse(string xml)
    {
        var document = XDocument.Parse(xml);
        Assert.Equal("Response", document.Root?.Name.LocalName);
        return new VoiceTwiml(document.Root!);
    }

    public override string ToString() => Response.ToString();
}
