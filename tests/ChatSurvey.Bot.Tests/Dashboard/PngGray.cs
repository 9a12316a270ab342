using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>
/// A small PNG reader for the QR tests: 8-bit-or-less grayscale or palette images, not interlaced, any scanline
/// filter. Independent of QRCoder, so a decoded code proves the file is a real PNG, not just what the library meant.
/// </summary>
public static class PngGray
{
    public static (byte[] Pixels, int Width, int Height) Read(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, depth, colour) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
                    Assert.True(colour is 0 or 3 && depth <= 8 && data[12] == 0, $"colour type {colour}, depth {depth}, interlace {data[12]}");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = ((width * depth) + 7) / 8;
        var pixels = new byte[width * height];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            Unfilter(raw[y * (stride + 1)], line, previous, Math.Max(1, depth / 8));
            for (var x = 0; x < width; x++)
            {
                var sample = depth == 8 ? line[x] : (line[x * depth / 8] >> (8 - depth - (x * depth % 8))) & ((1 << depth) - 1);
                pixels[(y * width) + x] = colour == 3 ? Gray(palette!, sample) : (byte)(sample * 255 / ((1 << depth) - 1));
            }

            previous = line;
        }

        return (pixels, width, height);
    }

    private static byte Gray(byte[] palette, int index) => (byte)((palette[index * 3] + palette[(index * 3) + 1] + palette[(index * 3) + 2]) / 3);

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidOperationException($"filter {filter}"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
