using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ChatSurvey.Bot.Dashboard.Exports;

/// <summary>
/// A workbook (Office Open XML, .xlsx) written as it goes: each sheet is one zip entry whose rows are written and
/// compressed straight to the output, so a sheet of a million rows takes the memory of one. Cells are inline strings
/// (no shared-string table, which would hold every distinct text in memory), so nothing is ever a formula; a cell that
/// starts like one still gets the CSV export's leading apostrophe (<see cref="CsvWriter.Neutralize"/>), so both files
/// hold the same values and a sheet saved again as CSV stays harmless.
/// </summary>
public sealed class XlsxWriter : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly AsyncFlushingStream _body;
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private Stream? _entry;
    private XmlWriter? _xml;

    private XlsxWriter(AsyncFlushingStream body, ZipArchive zip)
    {
        _body = body;
        _zip = zip;
    }

    public static async Task<XlsxWriter> CreateAsync(Stream output, CancellationToken cancellationToken)
    {
        var body = new AsyncFlushingStream(output);
        return new XlsxWriter(body, await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken));
    }

    /// <summary>Starts the next sheet; the first <paramref name="frozenRows"/> rows stay in view while scrolling.</summary>
    public async Task BeginSheetAsync(string name, int frozenRows, CancellationToken cancellationToken)
    {
        await EndSheetAsync(cancellationToken);
        _sheets.Add(name);
        _entry = await _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).OpenAsync(cancellationToken);
        _xml = XmlWriter.Create(_entry, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), CheckCharacters = false });
        await _xml.WriteStartDocumentAsync(standalone: true);
        await _xml.WriteStartElementAsync(null, "worksheet", Main);
        if (frozenRows > 0)
        {
            await _xml.WriteRawAsync($"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{frozenRows}\" topLeftCell=\"A{frozenRows + 1}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        }

        await _xml.WriteStartElementAsync(null, "sheetData", Main);
    }

    public async Task WriteRowAsync(IEnumerable<string?> cells)
    {
        var xml = _xml ?? throw new InvalidOperationException("BeginSheetAsync first.");
        await xml.WriteStartElementAsync(null, "row", Main);
        foreach (var cell in cells)
        {
            await xml.WriteStartElementAsync(null, "c", Main);
            if (!string.IsNullOrEmpty(cell))
            {
                await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await xml.WriteStartElementAsync(null, "is", Main);
                await xml.WriteStartElementAsync(null, "t", Main);
                await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await xml.WriteStringAsync(XmlSafe(CsvWriter.Neutralize(cell)));
                await xml.WriteEndElementAsync();
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await EndSheetAsync(CancellationToken.None);
        await WritePartAsync("[Content_Types].xml", ContentTypes());
        await WritePartAsync("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        await WritePartAsync("xl/workbook.xml", Workbook());
        await WritePartAsync("xl/_rels/workbook.xml.rels", WorkbookRelationships());
        await _zip.DisposeAsync();
        await _body.FlushAsync(CancellationToken.None);
        await _body.DisposeAsync();
    }

    private async Task EndSheetAsync(CancellationToken cancellationToken)
    {
        if (_xml is null || _entry is null)
        {
            return;
        }

        await _xml.WriteEndElementAsync();
        await _xml.WriteEndElementAsync();
        await _xml.WriteEndDocumentAsync();
        await _xml.FlushAsync();
        _xml.Dispose();
        await _entry.DisposeAsync();
        // The entry's last block and descriptor were written synchronously into the buffer: send them now.
        await _body.FlushAsync(cancellationToken);
        (_xml, _entry) = (null, null);
    }

    private async Task WritePartAsync(string name, string xml)
    {
        await using (var entry = await _zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync())
        {
            await entry.WriteAsync(Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + xml));
        }

        await _body.FlushAsync(CancellationToken.None);
    }

    private string ContentTypes()
    {
        var text = new StringBuilder("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return text.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var text = new StringBuilder($"""<workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            text.Append($"""<sheet name="{System.Security.SecurityElement.Escape(_sheets[i])}" sheetId="{i + 1}" r:id="s{i + 1}"/>""");
        }

        return text.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRelationships()
    {
        var text = new StringBuilder("""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append($"""<Relationship Id="s{i}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        return text.Append("</Relationships>").ToString();
    }

    /// <summary>Texts are cleaned before storage; a character XML cannot carry would still make the file unreadable, so it becomes U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        var invalid = text.AsSpan().IndexOfAnyExceptInRange(' ', '\uD7FF');
        if (invalid < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c is '\t' or '\n' or '\r' || (c >= ' ' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD') ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
