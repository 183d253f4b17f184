using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ElderCare.Web.Features.Regions;

/// <summary>
/// The layout of the national 统计用区划代码 list (国家统计局): 12-digit code, 城乡分类代码, 名称. Village-level rows
/// (社区居委会、村委会) carry the 城乡分类代码; a street's or town's own row ends in 000 and has none.
/// </summary>
public static class RegionImportTemplate
{
    public const string DataSheet = "统计用区划代码";
    public const string NotesSheet = "填写说明";
    public const string ExampleSheet = "示例";
    public const string FileName = "社区和行政村导入模板.xlsx";

    public const string Code = "统计用区划代码";
    public const string Classification = "城乡分类代码";
    public const string Name = "名称";

    public static readonly IReadOnlyList<string> Columns = [Code, Classification, Name];

    private static readonly (string Column, string Rule)[] Rules =
    [
        (Code, "12 位统计用区划代码。社区、村如 500153001001；镇街本身的行以 000 结尾（如 500153001000，也可写 9 位 500153001），用于核对或更正镇街代码。"),
        (Classification, "社区、村必填：111 主城区、112 城乡结合区、121 镇中心区 → 社区；210 乡中心区、220 村庄 → 行政村；" +
                         "122 镇乡结合区、123 特殊区域按名称判断（含“村”的为行政村，其余为社区）。镇街本身的行不填。"),
        (Name, "如 海棠社区居委会、玉屏村委会，不超过 100 个字。"),
    ];

    private static readonly (string Topic, string Text)[] General =
    [
        ("导入方式", "按代码新增或更新：未登记的代码新增为社区或行政村，上级镇街由代码前 9 位确定；已登记的代码名称不同时更新名称；名称和类型一致的计为“未变化”。同一文件重复导入不会产生改动。"),
        ("更正代码", "表中某个镇街的代码与系统不同、但名称相同时，视为更正该镇街的代码（仅区级用户）：其下社区、村以及登记在其下的设施、老年人等随之更正。社区、村同理：同一镇街下名称相同而代码不同的，更正其代码。"),
        ("全部或都不导入", "只要有一行有错误，整个文件都不导入，结果中逐个列出“第几行哪一列”的问题；改正后再次导入。"),
        ("工作表", $"只读取“{DataSheet}”工作表（没有时读取第一个工作表），第 1 行为列名。可直接使用国家统计局统计用区划代码表的这三列。“{ExampleSheet}”工作表不会导入。"),
    ];

    public static byte[] Build()
    {
        var example = new List<Dictionary<string, object?>>
        {
            new() { [Code] = "500153001000", [Classification] = null, [Name] = "昌元街道" },
            new() { [Code] = "500153001001", [Classification] = "111", [Name] = "海棠社区居委会" },
            new() { [Code] = "500153001201", [Classification] = "220", [Name] = "玉屏村委会" },
        };
        var notes = Rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule })
            .Concat(General.Select(g => new Dictionary<string, object?> { ["列名"] = $"【{g.Topic}】", ["填写要求"] = g.Text }))
            .ToList();
        var config = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(Code) { Width = 18, Format = "@" }, new DynamicExcelColumn(Classification) { Width = 14, Format = "@" },
                new DynamicExcelColumn(Name) { Width = 30 }, new DynamicExcelColumn("填写要求") { Width = 90 },
            ],
        };
        using var stream = new MemoryStream();
        var header = new System.Data.DataTable();
        foreach (var c in Columns) header.Columns.Add(c, typeof(string));
        // The example lives on its own sheet, so a template sent back unchanged registers nothing.
        stream.SaveAs(new Dictionary<string, object> { [DataSheet] = header, [NotesSheet] = notes, [ExampleSheet] = example }, configuration: config);
        return stream.ToArray();
    }

    /// <summary>
    /// 《统计用城乡划分代码》: 1xx 城镇 (111 主城区, 112 城乡结合区, 121 镇中心区, 122 镇乡结合区, 123 特殊区域), 2xx 乡村
    /// (210 乡中心区, 220 村庄). 111/112/121 are communities, 210/220 villages; 122 and 123 hold both 居委会 and 村委会, so
    /// the name decides. Null for an unknown code.
    /// </summary>
    public static RegionKind? KindOf(string classification, string name) => classification switch
    {
        "111" or "112" or "121" => RegionKind.Community,
        "210" or "220" => RegionKind.Village,
        "122" or "123" => name.Contains('村') && !name.Contains("社区", StringComparison.Ordinal) ? RegionKind.Village : RegionKind.Community,
        _ => null,
    };
}
