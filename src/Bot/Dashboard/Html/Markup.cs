using System.Runtime.CompilerServices;
using System.Text;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// HTML that is already safe to write. The only ways to make one are <see cref="Of"/>, whose interpolated values are
/// encoded unless they are themselves <see cref="Markup"/>, and <see cref="Raw"/> for constant fragments: a value from
/// the database or a request can reach a page only encoded.
/// </summary>
public readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new("");

    public static Markup Of([InterpolatedStringHandlerArgument] ref MarkupHandler html) => new(html.ToStringAndClear());

    /// <summary>For compile-time constants only (an entity, a fixed tag); never for data.</summary>
    public static Markup Raw(string constantHtml) => new(constantHtml);

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup When(bool condition, Markup markup) => condition ? markup : Empty;

    public override string ToString() => Value;
}

/// <summary>Builds <see cref="Markup"/>: literals as written, every interpolated value HTML-encoded (numbers invariant).</summary>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    private readonly StringBuilder _builder;

    public MarkupHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case Markup markup:
                _builder.Append(markup.Value);
                return;
            case IEnumerable<Markup> parts:
                foreach (var part in parts)
                {
                    _builder.Append(part.Value);
                }

                return;
        }

        var text = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        Encode(text);
    }

    /// <summary>
    /// The five characters that matter in text and in double-quoted attributes; everything else (accents, "+" in a
    /// phone number) stays readable. Values are never written into unquoted attributes, scripts or styles.
    /// </summary>
    private readonly void Encode(string text)
    {
        foreach (var c in text)
        {
            var entity = c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => null };
            if (entity is null)
            {
                _builder.Append(c);
            }
            else
            {
                _builder.Append(entity);
            }
        }
    }

    internal readonly string ToStringAndClear()
    {
        var text = _builder.ToString();
        _builder.Clear();
        return text;
    }
}
