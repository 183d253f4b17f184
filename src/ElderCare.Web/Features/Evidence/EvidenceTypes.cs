using System.IO.Compression;

namespace ElderCare.Web.Features.Evidence;

/// <summary>A type an evidence file may have, with the content type it is served as.</summary>
public sealed record EvidenceType(string Name, string ContentType, string Extension);

/// <summary>
/// The type of an evidence file is read from its bytes, never from its name or the client's content type: JPEG, PNG and
/// WebP photos, PDF, and the Office Open XML workbook and document (.xlsx, .docx: a ZIP whose entries include
/// <c>[Content_Types].xml</c> and the workbook or document part). Anything else — HTML, SVG, scripts, executables,
/// other archives, unknown bytes — is refused, whatever the file is called, so nothing served back can run in a browser.
/// </summary>
public static class EvidenceTypes
{
    public static readonly EvidenceType Jpeg = new("JPEG 图片", "image/jpeg", ".jpg");
    public static readonly EvidenceType Png = new("PNG 图片", "image/png", ".png");
    public static readonly EvidenceType WebP = new("WebP 图片", "image/webp", ".webp");
    public static readonly EvidenceType Pdf = new("PDF 文档", "application/pdf", ".pdf");
    public static readonly EvidenceType Xlsx = new("Excel 工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly EvidenceType Docx = new("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx");

    /// <summary>A ZIP archive: only a candidate, accepted when <see cref="OfficeType"/> finds an Office document in it.</summary>
    public static readonly EvidenceType Zip = new("ZIP 压缩包", "application/zip", ".zip");

    public static readonly IReadOnlyList<EvidenceType> Accepted = [Jpeg, Png, WebP, Pdf, Xlsx, Docx];

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadBytes = 16;

    /// <summary>The refusal, under the form field <c>file</c>.</summary>
    public const string RefusedPrefix = "不支持的文件类型";

    public static string Refusal => $"{RefusedPrefix}：只接受 JPEG、PNG、WebP 图片，PDF 文档和 Excel（.xlsx）、Word（.docx）文件（按文件内容判断，与文件名无关）。";

    /// <summary>
    /// The type by the file's first bytes (magic numbers): JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; WebP "RIFF" size
    /// "WEBP"; PDF "%PDF-"; ZIP "PK" 03 04 (a candidate only). Null for anything else.
    /// </summary>
    public static EvidenceType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return Zip;
        return null;
    }

    /// <summary>
    /// The Office Open XML type of a ZIP by its entry names (ECMA-376 Part 2, OPC): the package must hold
    /// <c>[Content_Types].xml</c> at its root, and the main part <c>xl/workbook.xml</c> (.xlsx) or <c>word/document.xml</c>
    /// (.docx). Names compare exactly (ZIP names are case-sensitive); any other archive is refused.
    /// </summary>
    public static EvidenceType? OfficeType(IEnumerable<string> entryNames)
    {
        var names = entryNames.ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("[Content_Types].xml")) return null;
        if (names.Contains("xl/workbook.xml")) return Xlsx;
        if (names.Contains("word/document.xml")) return Docx;
        return null;
    }

    /// <summary>
    /// The accepted type of a whole file (a seekable stream at any position; left at its start): <see cref="Sniff"/> on
    /// the head, and for a ZIP its central directory read (entry names only, nothing decompressed). Null when refused.
    /// </summary>
    public static async Task<EvidenceType?> OfAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        var head = new byte[HeadBytes];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = Sniff(head.AsSpan(0, read));
        if (type == Zip)
        {
            content.Position = 0;
            try
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                type = OfficeType(zip.Entries.Select(e => e.FullName));
            }
            catch (InvalidDataException)
            {
                type = null; // not a readable archive
            }
        }
        content.Position = 0;
        return type;
    }
}
