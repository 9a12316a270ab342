using QRCoder;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>QR codes of promoters' links, drawn by QRCoder with no native dependency: PNG for sharing, SVG for print.</summary>
public static class QrCodes
{
    /// <summary>Level M (15 % of the code can be damaged or covered): a fair trade between size and a creased poster.</summary>
    private const QRCodeGenerator.ECCLevel Level = QRCodeGenerator.ECCLevel.M;

    public static byte[] Png(Uri link, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link.AbsoluteUri, Level);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(Uri link)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link.AbsoluteUri, Level);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
