using System.Globalization;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>Reads QR codes back with ZXing.Net: from a PNG (through <see cref="PngGray"/>) or from an SVG's module rectangles.</summary>
public static partial class QrDecoder
{
    public static string FromPng(byte[] png)
    {
        var (pixels, width, height) = PngGray.Read(png);
        return Decode(pixels, width, height);
    }

    /// <summary>Draws the SVG's "h…v…" path of dark modules onto a grid, 8 pixels a module, and decodes that.</summary>
    public static string FromSvg(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        const int Scale = 8;
        var pixels = Enumerable.Repeat((byte)255, size * size * Scale * Scale).ToArray();
        foreach (Match m in Module().Matches(svg))
        {
            int x = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), y = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), w = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            for (var py = y * Scale; py < (y + 1) * Scale; py++)
            {
                Array.Fill(pixels, (byte)0, (py * size * Scale) + (x * Scale), w * Scale);
            }
        }

        return Decode(pixels, size * Scale, size * Scale);
    }

    private static string Decode(byte[] gray, int width, int height)
    {
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        return result?.Text ?? throw new InvalidOperationException("no QR code found in the image");
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")]
    private static partial Regex Module();
}
