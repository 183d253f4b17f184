using System.IO.Compression;
using System.Text;

namespace ElderCare.Tests.Evidence;

/// <summary>Real file heads and small whole files of each type, and the look-alikes that must be refused.</summary>
public static class EvidenceSamples
{
    /// <summary>A whole 1×1 PNG (signature, IHDR, IDAT, IEND).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A JPEG head as cameras write it: SOI, then the JFIF APP0 segment.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];

    /// <summary>A phone's JPEG head: SOI, then an Exif APP1 segment.</summary>
    public static readonly byte[] JpegExif = [0xFF, 0xD8, 0xFF, 0xE1, 0x1C, 0x45, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00];

    /// <summary>A WebP head: "RIFF", the little-endian size, "WEBP", then the VP8 chunk.</summary>
    public static readonly byte[] WebP = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8];

    /// <summary>A RIFF that is not WebP (a WAV sound).</summary>
    public static readonly byte[] Wav = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8];

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    public static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
    public static readonly byte[] Script = Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n");
    public static readonly byte[] WindowsExe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];
    public static readonly byte[] LinuxElf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
    public static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00");

    /// <summary>A PDF with a blank line before its header: browsers and readers may accept it, the rule does not.</summary>
    public static readonly byte[] PdfAfterWhitespace = Encoding.ASCII.GetBytes("\n%PDF-1.7\n");

    /// <summary>A ZIP of the named entries (each holding a little text).</summary>
    public static byte[] Zip(params string[] entries)
    {
        using var s = new MemoryStream();
        using (var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        return s.ToArray();
    }

    public static byte[] Docx => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    /// <summary>A real workbook, as the platform's own exports write it.</summary>
    public static byte[] Xlsx => ElderCare.Web.Infrastructure.Spreadsheets.SpreadsheetWriter.Xlsx("评分",
        [new Dictionary<string, object?> { ["指标"] = "人员配备", ["得分"] = 18 }]);

    /// <summary>A file whose bytes are the head followed by filler, <paramref name="length"/> bytes in all.</summary>
    public static byte[] Padded(byte[] head, int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
