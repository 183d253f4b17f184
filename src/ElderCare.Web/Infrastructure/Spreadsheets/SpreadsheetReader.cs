using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ElderCare.Web.Infrastructure.Errors;
using MiniExcelLibs;

namespace ElderCare.Web.Infrastructure.Spreadsheets;

/// <summary>
/// The one way an upload's workbook is read (elder import, plan import, every future import). <see cref="OpenAsync"/>
/// first streams every part of the zip through a counting stream and an <see cref="XmlReader"/> with DTDs prohibited,
/// and refuses the file at the first byte over a bound of <see cref="SpreadsheetLimits"/>: a part inflating past
/// <c>MaxPartBytes</c>, a cell past <c>MaxCellChars</c> (read in chunks, never held whole), a sheet past <c>MaxRows</c>
/// rows (every row with a cell counts, whatever its columns) or <c>MaxColumns</c> columns, a DOCTYPE or broken XML.
/// Only a workbook that passed is handed to the row reader (MiniExcel), whose rows are then bounded too; text cells
/// come back with the export's formula apostrophe removed (<see cref="SpreadsheetText.Restore"/>).
/// Every refusal is an <see cref="Outcome{T}"/> invalid on the field <c>file</c>, in Chinese (400).
/// </summary>
public sealed class SpreadsheetReader : IDisposable
{
    public const string Field = "file";

    private readonly MemoryStream _buffer;

    private SpreadsheetReader(MemoryStream buffer, IReadOnlyList<string> sheetNames)
    {
        _buffer = buffer;
        SheetNames = sheetNames;
    }

    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>Copies the upload (its size is bounded by the request limit) and checks it; the caller disposes the reader.</summary>
    public static async Task<Outcome<SpreadsheetReader>> OpenAsync(Stream upload, SpreadsheetLimits limits, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        try
        {
            await upload.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var problem = Check(buffer, limits, ct);
            if (problem is not null)
            {
                await buffer.DisposeAsync();
                return Outcome<SpreadsheetReader>.Invalid(Field, problem);
            }
            buffer.Position = 0;
            List<string> names;
            try
            {
                names = buffer.GetSheetNames();
            }
            catch (Exception e) when (IsBroken(e))
            {
                await buffer.DisposeAsync();
                return Outcome<SpreadsheetReader>.Invalid(Field, NotAWorkbook);
            }
            return new SpreadsheetReader(buffer, names);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The rows of a sheet keyed by its first row (as MiniExcel reads them: text, numbers as double, dates as DateTime).
    /// Enumerating may still throw for content that is well-formed XML but no sheet (<see cref="IsBroken"/> tells).
    /// </summary>
    public IEnumerable<IDictionary<string, object?>> Rows(string sheet) => Query(sheet, useHeaderRow: true);

    /// <summary>The rows of a sheet keyed by column letter, the header row included (for <see cref="XlsxRows"/>).</summary>
    public IEnumerable<IDictionary<string, object?>> RowsByColumn(string sheet) => Query(sheet, useHeaderRow: false);

    private IEnumerable<IDictionary<string, object?>> Query(string sheet, bool useHeaderRow)
    {
        _buffer.Position = 0;
        foreach (IDictionary<string, object?> row in _buffer.Query(useHeaderRow: useHeaderRow, sheetName: sheet))
        {
            foreach (var key in row.Keys.ToList())
                if (row[key] is string s && s.Length > 1 && s[0] == '\'') row[key] = SpreadsheetText.Restore(s);
            yield return row;
        }
    }

    /// <summary>The exceptions of a workbook that is not one (for the imports' catch while enumerating rows).</summary>
    public static bool IsBroken(Exception e) =>
        e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or XmlException or FormatException
            or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException or NotSupportedException or OverflowException;

    public const string NotAWorkbook = "文件不是有效的 .xlsx 工作簿，请使用下载的模板，或在 Excel 中另存为 .xlsx 后重试。";

    public void Dispose() => _buffer.Dispose();

    // ---- the streaming check ---------------------------------------------------------------------------------------

    private sealed class Refused(string message) : Exception(message);

    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".ico", ".wdp" };

    /// <summary>Null when the workbook is within the limits, else what is wrong, in Chinese.</summary>
    public static string? Check(Stream xlsx, SpreadsheetLimits limits, CancellationToken ct)
    {
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxParts) return $"文件包含的部件超过 {limits.MaxParts:N0} 个，不是常规的工作簿。";
            var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count == 0) return NotAWorkbook;

            // The workbook and its relationships first, to name sheets by their names in the messages.
            var sheetNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var workbook = entries.FirstOrDefault(e => PartName(e) == "xl/workbook.xml");
            var rels = entries.FirstOrDefault(e => PartName(e) == "xl/_rels/workbook.xml.rels");
            if (workbook is null) return NotAWorkbook;
            var sheetIds = new List<(string Name, string Id)>();
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            ScanXml(workbook, limits, null, (r, _) =>
            {
                if (r.LocalName == "sheet" && r.GetAttribute("name") is { } n)
                    sheetIds.Add((n, r.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ?? ""));
            }, ct);
            if (rels is not null)
                ScanXml(rels, limits, null, (r, _) =>
                {
                    if (r.LocalName == "Relationship" && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } t)
                        targets[id] = t.StartsWith('/') ? t.TrimStart('/') : "xl/" + t;
                }, ct);
            foreach (var (name, id) in sheetIds)
                if (targets.TryGetValue(id, out var target)) sheetNames.TryAdd(target, name);

            foreach (var entry in entries)
            {
                if (entry == workbook || entry == rels) continue;
                ct.ThrowIfCancellationRequested();
                if (BinaryExtensions.Contains(Path.GetExtension(entry.FullName)))
                {
                    using var bounded = new BoundedStream(entry.Open(), limits.MaxPartBytes, PartName(entry));
                    bounded.CopyTo(Stream.Null);
                    continue;
                }
                var part = PartName(entry);
                var sheet = new SheetCounter(sheetNames.GetValueOrDefault(part), limits);
                ScanXml(entry, limits, sheet, sheet.Visit, ct);
            }
            return null;
        }
        catch (Refused e)
        {
            return e.Message;
        }
        catch (XmlException e)
        {
            return $"文件内容已损坏或含有不允许的 DOCTYPE 声明（第 {e.LineNumber} 行第 {e.LinePosition} 列附近），请在 Excel 中另存为 .xlsx 后重试。";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return NotAWorkbook;
        }
    }

    private static string PartName(ZipArchiveEntry e) => e.FullName.Replace('\\', '/').TrimStart('/');

    /// <summary>
    /// Reads one part with DTDs prohibited and no resolver. Text is read in chunks and counted per cell (a sheet's
    /// <c>c</c>, a shared string's <c>si</c>; elsewhere per text), so an oversized value is refused without being held.
    /// </summary>
    private static void ScanXml(ZipArchiveEntry entry, SpreadsheetLimits limits, SheetCounter? sheet,
        Action<XmlReader, SheetCounter?> onElement, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(new BoundedStream(entry.Open(), limits.MaxPartBytes, PartName(entry)), settings);
        var chunk = new char[4096];
        long cellChars = 0;
        var cellDepth = -1; // depth of the open c or si element whose text is summed
        var elements = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (++elements % 65_536 == 0) ct.ThrowIfCancellationRequested();
                    if (reader.LocalName is "c" or "si" && !reader.IsEmptyElement)
                    {
                        cellDepth = reader.Depth;
                        cellChars = 0;
                    }
                    onElement(reader, sheet);
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == cellDepth) cellDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (cellDepth < 0) cellChars = 0;
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        cellChars += read;
                        if (cellChars > limits.MaxCellChars)
                            throw new Refused(sheet?.Name is { } name
                                ? $"“{name}”工作表第 {sheet.Row} 行有超过 {limits.MaxCellChars:N0} 个字的单元格，请检查文件。"
                                : $"文件中有超过 {limits.MaxCellChars:N0} 个字的单元格，请检查文件。");
                    }
                    break;
            }
        }
    }

    /// <summary>Counts the rows and columns of a worksheet part as they stream by.</summary>
    private sealed class SheetCounter(string? name, SpreadsheetLimits limits)
    {
        public string? Name { get; } = name;
        public int Row { get; private set; }
        private int _rows;
        private int _cellsInRow;
        private int _column;

        private string Label => Name is null ? "文件中的一个" : $"“{Name}”";

        private bool? _isSheet;

        public void Visit(XmlReader r, SheetCounter? _)
        {
            _isSheet ??= r.LocalName == "worksheet"; // the root element: counts apply to worksheets only
            if (_isSheet != true) return;
            switch (r.LocalName)
            {
                case "dimension" when r.GetAttribute("ref") is { } range:
                    var last = range.Contains(':') ? range[(range.IndexOf(':') + 1)..] : range;
                    if (Reference(last) is var (col, row)) { CheckColumn(col); CheckRow(row); }
                    break;
                case "row":
                    _rows++;
                    Row = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Row + 1;
                    CheckRow(Math.Max(Row, _rows));
                    _cellsInRow = 0;
                    _column = 0;
                    break;
                case "c":
                    _cellsInRow++;
                    _column = r.GetAttribute("r") is { } cell && Reference(cell) is var (c, _) ? c : _column + 1;
                    CheckColumn(Math.Max(_column, _cellsInRow));
                    break;
            }
        }

        private void CheckRow(int row)
        {
            if (row > limits.MaxRows + 1)
                throw new Refused($"{Label}工作表超过 {limits.MaxRows:N0} 行（第 1 行为列名；只在模板以外的列有内容的行也计入），请分批导入。");
        }

        private void CheckColumn(int column)
        {
            if (column > limits.MaxColumns)
                throw new Refused($"{Label}工作表超过 {limits.MaxColumns:N0} 列，请删去多余的列后重试。");
        }

        /// <summary>"AB12" or "$AB$12" → (28, 12); a column past any sheet's reads as int.MaxValue.</summary>
        private static (int Column, int Row)? Reference(string text)
        {
            text = text.Replace("$", "", StringComparison.Ordinal);
            var i = 0;
            long col = 0;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                col = Math.Min(col * 26 + (char.ToUpperInvariant(text[i++]) - 'A' + 1), int.MaxValue);
            }
            if (i == 0) return null;
            return ((int)col, int.TryParse(text.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0);
        }
    }

    /// <summary>A read-only stream that refuses to inflate past a bound.</summary>
    private sealed class BoundedStream(Stream inner, long max, string part) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int n)
        {
            _read += n;
            if (_read > max)
                throw new Refused($"文件解压后过大（其中“{part}”超过 {max / 1024 / 1024:N0} MB），请检查文件或分批导入。");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
