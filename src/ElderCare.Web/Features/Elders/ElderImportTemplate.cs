using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The spreadsheet towns hand in: one row per elder on the sheet 老年人信息, the rules on 填写说明, one filled-in
/// row on 示例. The example lives on its own sheet so that a template sent back unchanged cannot register a made-up
/// person. The error sheet of an import has the same layout plus 错误说明, so it can be corrected and sent again.
/// </summary>
public static partial class ElderImportTemplate
{
    public const string DataSheet = "老年人信息";
    public const string NotesSheet = "填写说明";
    public const string ExampleSheet = "示例";
    public const string FileName = "老年人信息导入模板.xlsx";

    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string Phone = "联系电话";
    public const string Address = "住址";
    public const string RegionCode = "区域代码";
    public const string Living = "居住情况";
    public const string Categories = "类别";
    public const string ContactName = "紧急联系人";
    public const string ContactRelation = "紧急联系人关系";
    public const string ContactPhone = "紧急联系人电话";
    public const string DoctorName = "家庭签约医生";
    public const string DoctorInstitution = "签约医疗机构";
    public const string ConsentBasis = "同意依据";
    public const string ConsentOn = "同意日期";

    /// <summary>The last column of the error sheet: what is wrong with the row and where it was in the original file.</summary>
    public const string ErrorColumn = "错误说明";

    /// <summary>The template's columns, in order. An import reads them by header, so their order in a file does not matter.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Name, IdNumber, Phone, Address, RegionCode, Living, Categories, ContactName, ContactRelation, ContactPhone,
        DoctorName, DoctorInstitution, ConsentBasis, ConsentOn,
    ];

    /// <summary>Needed to register a new elder; for an elder already registered, a blank cell keeps the stored value.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string> { Name, IdNumber, RegionCode, Living, ConsentBasis };

    /// <summary>Long digit strings Excel would turn into numbers (an 18-digit ID number loses its last digits).</summary>
    private static readonly IReadOnlySet<string> TextColumns = new HashSet<string> { IdNumber, Phone, RegionCode, ContactPhone };

    /// <summary>"类别" written as 无: the elder belongs to none of the categories (a blank cell keeps what is stored).</summary>
    public const string NoCategory = "无";

    /// <summary>The words of the pages (ElderLabels), so the template and the forms cannot drift apart.</summary>
    public static readonly IReadOnlyDictionary<string, LivingArrangement> LivingWords =
        Enum.GetValues<LivingArrangement>().ToDictionary(ElderLabels.Of, l => l);

    /// <summary>The six words of the pages, and the longer forms towns commonly write.</summary>
    public static readonly IReadOnlyDictionary<string, ElderCategory> CategoryWords =
        Enum.GetValues<ElderCategory>().Select(c => (ElderLabels.Of(c), c))
            .Concat([
                ("特困人员", ElderCategory.ExtremePoverty), ("特困供养", ElderCategory.ExtremePoverty),
                ("低保户", ElderCategory.Subsistence), ("低保对象", ElderCategory.Subsistence), ("低保边缘户", ElderCategory.LowIncomeEdge),
                ("失独家庭", ElderCategory.LostOnlyChild), ("失独老人", ElderCategory.LostOnlyChild), ("残疾人", ElderCategory.Disabled),
                ("重点优抚对象", ElderCategory.Entitled),
            ])
            .ToDictionary(w => w.Item1, w => w.Item2);

    public static string LivingChoices => string.Join("、", LivingWords.Keys);

    public static string CategoryChoices => string.Join("、", Enum.GetValues<ElderCategory>().Select(ElderLabels.Of));

    /// <summary>A fictional person for the example row; the sequence 000 keeps the number clear of real ones.</summary>
    private static string ExampleIdNumber
    {
        get
        {
            const string first17 = "50015319500101000";
            return first17 + Elders.IdNumber.CheckDigit(first17);
        }
    }

    public static Dictionary<string, object?> ExampleRow(DateOnly today) => new()
    {
        [Name] = "张秀英",
        [IdNumber] = ExampleIdNumber,
        [Phone] = "13800000000",
        [Address] = "荣昌区昌元街道海棠大道 1 号",
        [RegionCode] = "500153001",
        [Living] = "独居",
        [Categories] = "低保、残疾",
        [ContactName] = "张明",
        [ContactRelation] = "儿子",
        [ContactPhone] = "13900000000",
        [DoctorName] = "李华",
        [DoctorInstitution] = "荣昌区昌元街道社区卫生服务中心",
        [ConsentBasis] = "本人同意",
        [ConsentOn] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static (string Column, string Rule)[] Rules(int minimumAge) =>
    [
        (Name, "不超过 50 个字。"),
        (IdNumber, $"18 位居民身份证号码（15 位旧号码自动升位），末位 X 大小写均可；按号码计算须年满 {minimumAge} 周岁。同一号码在表中只能出现一次。" +
                   "本列已设为文本格式；若从其他表格粘贴，请粘贴为文本，否则 Excel 会把号码变成 5.00153E+17 并丢失末几位。"),
        (Phone, "11 位手机号，或带区号的座机号（如 023-46731234）。"),
        (Address, "不超过 300 个字。"),
        (RegionCode, "所在社区或村的 12 位统计用区划代码；尚不清楚时填所在镇街的 9 位代码（如 500153001 昌元街道）。" +
                     "代码可在“镇街与村社区”页面查到；镇街工作人员只能填写本镇街及其下属村社区。"),
        (Living, $"填写其一：{LivingChoices}。"),
        (Categories, $"可填多个，用顿号“、”或逗号分隔：{CategoryChoices}。都不属于时填“{NoCategory}”。"),
        (ContactName, "紧急联系人三列为一组：都不填时保留已登记的联系人；填写时须同时填写姓名和电话，替换第一位紧急联系人。"),
        (ContactRelation, "如 儿子、女儿、配偶、邻居、村（居）委会。"),
        (ContactPhone, "同“联系电话”。"),
        (DoctorName, "家庭医生签约服务的医生姓名。家庭签约医生两列为一组：都不填时保留原有信息，填写时一并替换。"),
        (DoctorInstitution, "签约的基层医疗卫生机构。"),
        (ConsentBasis, "处理个人信息的依据（《个人信息保护法》第十三条），如 本人同意、监护人同意、履行法定职责。"),
        (ConsentOn, "格式 YYYY-MM-DD（如 2026-11-01），不能晚于今天；不填为导入当天。仅在首次登记或同意依据改变时记录。"),
    ];

    private static readonly (string Topic, string Text)[] General =
    [
        ("导入方式", "按身份证号新增或更新：未登记的新增；已登记的按表中内容更新，表中空白的单元格保留系统中原有的值；内容与系统一致的计为“无变化”。同一文件重复导入不会产生任何改动。"),
        ("错误行", "有错误的行不导入，其余正确的行一次性全部导入（要么全部成功，要么都不导入）。导入结果中列出每个错误的行号和列，并可下载“错误行”表格：改正后可直接再次导入。"),
        ("工作表", $"只读取“{DataSheet}”工作表，第 1 行为列名，从第 2 行起每行一位老年人。列的顺序可以调整，列名不能修改；可增加其他列（导入时忽略）。“{ExampleSheet}”工作表是填写示例，不会导入。"),
        ("规模", $"单个文件不超过 {ImportElders.MaxRows:N0} 行、{ImportElders.MaxFileBytes / 1024 / 1024} MB；更大的名单请分批导入。"),
    ];

    /// <summary>The empty template: the header row on 老年人信息, the rules, and the example row.</summary>
    public static byte[] Build(DateOnly today, int minimumAge) => Write(Header(Columns), NotesRows(today, minimumAge), [ExampleRow(today)], Columns);

    /// <summary>The rejected rows as they were read, each with its 错误说明, in the template's layout.</summary>
    public static byte[] ErrorSheet(IEnumerable<IReadOnlyDictionary<string, string?>> rows, DateOnly today, int minimumAge)
    {
        var columns = Columns.Append(ErrorColumn).ToList();
        var data = rows
            .Select(r => columns.ToDictionary(c => c, object? (c) => r.TryGetValue(c, out var v) ? Kept(v, c == ErrorColumn) : null))
            .ToList();
        return Write(data.Count == 0 ? Header(columns) : data, NotesRows(today, minimumAge), [ExampleRow(today)], columns);
    }

    /// <summary>
    /// The most characters of a rejected cell the error sheet keeps (the longest column, 住址, takes 300): a longer value
    /// is cut and says so, so a file of huge cells cannot park them in memory for the hour the sheet is kept.
    /// </summary>
    public const int MaxKeptChars = 500;

    private static string? Kept(string? value, bool message) =>
        value is null || message || value.Length <= MaxKeptChars ? value : value[..MaxKeptChars] + $"…（原文 {value.Length:N0} 字，已截断）";

    private static List<Dictionary<string, object?>> NotesRows(DateOnly today, int minimumAge) =>
        Columns.Select(c => new Dictionary<string, object?>
            {
                ["列名"] = c,
                ["是否必填"] = c == IdNumber ? "必填" : Required.Contains(c) ? "新登记必填" : "选填",
                ["填写要求"] = Rules(minimumAge).First(r => r.Column == c).Rule,
                ["示例"] = Convert.ToString(ExampleRow(today)[c], CultureInfo.InvariantCulture),
            })
            .Concat(General.Select(g => new Dictionary<string, object?> { ["列名"] = $"【{g.Topic}】", ["是否必填"] = "", ["填写要求"] = g.Text, ["示例"] = "" }))
            .ToList();

    /// <summary>A header-only sheet (MiniExcel writes the header of a table without rows).</summary>
    private static System.Data.DataTable Header(IEnumerable<string> columns)
    {
        var table = new System.Data.DataTable();
        foreach (var c in columns) table.Columns.Add(c, typeof(string));
        return table;
    }

    private static byte[] Write(
        object data, List<Dictionary<string, object?>> notes, List<Dictionary<string, object?>> example, IReadOnlyList<string> columns)
    {
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = columns.Select(c => new DynamicExcelColumn(c)
            {
                Width = c switch { IdNumber => 22, Address or DoctorInstitution => 30, ErrorColumn => 60, _ => 14 },
                Format = TextColumns.Contains(c) ? "@" : null,
            }).Concat(
            [
                new DynamicExcelColumn("列名") { Width = 16 }, new DynamicExcelColumn("是否必填") { Width = 10 },
                new DynamicExcelColumn("填写要求") { Width = 90 }, new DynamicExcelColumn("示例") { Width = 30 },
            ]).ToArray(),
        };
        var sheets = new Dictionary<string, object> { [DataSheet] = data, [NotesSheet] = notes, [ExampleSheet] = example };
        return TextFormatColumns(SpreadsheetWriter.Xlsx(sheets, config), columns);
    }

    /// <summary>
    /// Gives the ID number, phone and region code columns of 老年人信息 and 示例 the text format ("@") for the empty cells
    /// too, so that a number typed or pasted there stays as typed. MiniExcel formats only the cells it writes; this sets
    /// the column style it already created. Should the layout ever differ, the workbook is returned as written.
    /// </summary>
    private static byte[] TextFormatColumns(byte[] xlsx, IReadOnlyList<string> columns)
    {
        try
        {
            using var output = new MemoryStream();
            output.Write(xlsx);
            using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
            {
                var styles = Read(zip, "xl/styles.xml");
                var numFmt = TextNumFmt().Match(styles);
                if (!numFmt.Success) return xlsx;
                var cellXfs = styles[styles.IndexOf("<x:cellXfs", StringComparison.Ordinal)..];
                var xfs = Xf().Matches(cellXfs[..cellXfs.IndexOf("</x:cellXfs>", StringComparison.Ordinal)]);
                var style = xfs.Select((m, i) => (m, i)).FirstOrDefault(x => x.m.Groups[1].Value == numFmt.Groups[1].Value).i;
                if (style == 0) return xlsx;
                var textColumns = columns.Select((c, i) => (c, i: i + 1)).Where(x => TextColumns.Contains(x.c)).Select(x => x.i).ToHashSet();
                foreach (var sheet in new[] { "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml" }) // 老年人信息, 示例
                {
                    var xml = Read(zip, sheet);
                    var end = xml.IndexOf("<x:sheetData", StringComparison.Ordinal);
                    if (end < 0) return xlsx;
                    var head = Col().Replace(xml[..end], m =>
                        textColumns.Contains(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) ? $"{m.Value} style=\"{style}\"" : m.Value);
                    Write(zip, sheet, head + xml[end..]);
                }
            }
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or FormatException)
        {
            return xlsx;
        }
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)?.Open() ?? throw new InvalidDataException(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    [GeneratedRegex("<x:numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"")]
    private static partial Regex TextNumFmt();

    [GeneratedRegex("<x:xf numFmtId=\"(\\d+)\"")]
    private static partial Regex Xf();

    [GeneratedRegex("<x:col min=\"(\\d+)\" max=\"\\1\"")]
    private static partial Regex Col();
}
