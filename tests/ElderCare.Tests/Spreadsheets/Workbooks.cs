using System.IO.Compression;
using System.Security;
using System.Text;

namespace ElderCare.Tests.Spreadsheets;

/// <summary>
/// Hand-built workbooks for the upload tests, written part by part with System.IO.Compression: the sheet XML is
/// streamed into the deflater, so a bomb of hundreds of megabytes costs the test a few kilobytes of memory.
/// </summary>
public static class Workbooks
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    /// <summary>A one-sheet workbook; <paramref name="sheetData"/> writes the rows (between &lt;sheetData&gt; tags).</summary>
    public static byte[] Build(string sheetName, Action<TextWriter> sheetData, string? beforeRoot = null, Action<TextWriter>? sharedStrings = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{SheetML}.sheet.main+xml\"/>" +
                $"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{SheetML}.worksheet+xml\"/>" +
                (sharedStrings is null ? "" : $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SheetML}.sharedStrings+xml\"/>") +
                "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">" +
                $"<sheets><sheet name=\"{SecurityElement.Escape(sheetName)}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
                w.Write(beforeRoot ?? "");
                w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
                Part(zip, "xl/sharedStrings.xml", w =>
                {
                    w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
        }
        return output.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    /// <summary>Column letters of a 1-based index: 1 → A, 27 → AA.</summary>
    public static string Column(int index)
    {
        var s = "";
        for (; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }

    /// <summary>A row of inline text cells from column 1.</summary>
    public static void Row(TextWriter w, int row, IEnumerable<string> values)
    {
        w.Write($"<row r=\"{row}\">");
        var col = 1;
        foreach (var v in values)
            w.Write($"<c r=\"{Column(col++)}{row}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(v)}</t></is></c>");
        w.Write("</row>");
    }

    /// <summary><paramref name="count"/> characters 'A', written in 64 KB pieces.</summary>
    public static void Repeat(TextWriter w, long count)
    {
        var chunk = new string('A', 65_536);
        for (; count >= chunk.Length; count -= chunk.Length) w.Write(chunk);
        w.Write(chunk.AsSpan(0, (int)count));
    }

    /// <summary>The workbook with one part's text replaced (for DOCTYPE and broken XML).</summary>
    public static byte[] Rewrite(byte[] xlsx, string part, Func<string, string> change)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part) ?? throw new InvalidOperationException(part);
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(change(text));
        }
        return output.ToArray();
    }
}
