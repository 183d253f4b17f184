using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ElderCare.Web.Features.Facilities;

/// <summary>
/// The facility list a district or town hands in: one row per facility on the sheet 设施, the rules on
/// 填写说明, one filled-in row on 示例 (its own sheet, so a template sent back unchanged registers nothing).
/// </summary>
public static class FacilityImportTemplate
{
    public const string DataSheet = "设施";
    public const string NotesSheet = "填写说明";
    public const string ExampleSheet = "示例";
    public const string FileName = "设施导入模板.xlsx";

    public const string Code = "编号";
    public const string Type = "设施类型";
    public const string Name = "名称";
    public const string RegionCode = "区划代码";
    public const string Address = "地址";
    public const string Lat = "纬度";
    public const string Lng = "经度";
    public const string FloorArea = "建筑面积";
    public const string Beds = "床位数";
    public const string NursingBeds = "护理型床位数";
    public const string OpenedOn = "开业日期";
    public const string OperatorName = "运营机构";
    public const string OperationMode = "运营方式";
    public const string Status = "状态";
    public const string OpeningHours = "开放时间";
    public const string ServicePhone = "服务电话";

    /// <summary>The template's columns in order; an import reads them by header, so their order in a file does not matter.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [Code, Type, Name, RegionCode, Address, Lat, Lng, FloorArea, Beds, NursingBeds, OpenedOn, OperatorName, OperationMode, Status,
            OpeningHours, ServicePhone];

    /// <summary>Needed for a new facility; for one already registered (same 编号) a blank cell keeps the stored value.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string> { Code, Type, Name, RegionCode, OperationMode };

    public static readonly IReadOnlyDictionary<string, FacilityType> TypeWords = Enum.GetValues<FacilityType>().ToDictionary(Labels.Of, t => t);
    public static readonly IReadOnlyDictionary<string, OperationMode> ModeWords = Enum.GetValues<OperationMode>().ToDictionary(Labels.Of, m => m);
    public static readonly IReadOnlyDictionary<string, FacilityStatus> StatusWords = Enum.GetValues<FacilityStatus>().ToDictionary(Labels.Of, s => s);

    public static Dictionary<string, object?> ExampleRow() => new()
    {
        [Code] = "RC-ZD-001", [Type] = "社区养老服务站", [Name] = "海棠社区养老服务站", [RegionCode] = "500153001001",
        [Address] = "荣昌区昌元街道海棠大道 1 号", [Lat] = "29.4048", [Lng] = "105.5942", [FloorArea] = "320", [Beds] = "10",
        [NursingBeds] = "0", [OpenedOn] = "2019-10-01", [OperatorName] = "荣昌区颐养社会工作服务中心", [OperationMode] = "公建民营", [Status] = "运营",
        [OpeningHours] = "周一至周日 8:00-18:00", [ServicePhone] = "023-46721234",
    };

    private static readonly (string Column, string Rule)[] Rules =
    [
        (Code, "本区统一的设施编号（字母、数字和“-”），区内唯一。再次导入时按编号更新已登记的设施。"),
        (Type, $"填写其一：{string.Join("、", Enum.GetValues<FacilityType>().Select(Labels.Of))}。"),
        (Name, "不超过 200 个字。"),
        (RegionCode, "街道、镇中心填所在街道或镇的 9 位代码；社区站、村级点填所在社区或村的 12 位代码（社区、村尚未登记时可填镇街代码）。" +
                     "镇街工作人员只能导入本镇街的设施。"),
        (Address, "不超过 300 个字。"),
        (Lat, "WGS-84 纬度，如 29.4048；经纬度同时填写或都不填。"),
        (Lng, "WGS-84 经度，如 105.5942。"),
        (FloorArea, "平方米，数字。"),
        (Beds, "床位总数，整数。"),
        (NursingBeds, "护理型床位数，整数，不超过床位数。"),
        (OpenedOn, "格式 YYYY-MM-DD；状态为运营的设施必填。"),
        (OperatorName, "运营的养老机构或社会组织，不超过 200 个字。"),
        (OperationMode, $"填写其一：{string.Join("、", Enum.GetValues<OperationMode>().Select(Labels.Of))}。"),
        (Status, $"填写其一：{string.Join("、", Enum.GetValues<FacilityStatus>().Select(Labels.Of))}；不填时，有开业日期的为运营，否则为规划。"),
        (OpeningHours, "向公众公布的开放时间，如“周一至周日 8:00-18:00”，不超过 60 个字。"),
        (ServicePhone, "设施对外服务电话（固定电话或手机），只含数字和“-”，7 至 20 位，如 023-46721234。"),
    ];

    private static readonly (string Topic, string Text)[] General =
    [
        ("导入方式", "按编号新增或更新：未登记的编号新增；已登记的按表中内容更新，空白单元格保留原值；内容与系统一致的计为“未变化”。同一文件重复导入不会产生改动。功能区、医养结合、挂靠中心等请在设施页面填写，导入不会改动。"),
        ("错误行", "有错误的行不导入，结果中逐个列出“第几行哪一列”的问题；其余正确的行在一个事务中一次性全部导入。"),
        ("工作表", $"只读取“{DataSheet}”工作表，第 1 行为列名，从第 2 行起每行一个设施。列的顺序可以调整，列名不能修改。“{ExampleSheet}”工作表不会导入。"),
        ("规模", $"单个文件不超过 {ImportFacilities.MaxRows:N0} 行，每个单元格不超过 {ImportFacilities.MaxCellLength} 个字。"),
    ];

    public static byte[] Build()
    {
        var header = new System.Data.DataTable();
        foreach (var c in Columns) header.Columns.Add(c, typeof(string));
        var notes = Columns.Select(c => new Dictionary<string, object?>
            {
                ["列名"] = c, ["是否必填"] = Required.Contains(c) ? "新登记必填" : "选填",
                ["填写要求"] = Rules.First(r => r.Column == c).Rule, ["示例"] = ExampleRow()[c],
            })
            .Concat(General.Select(g => new Dictionary<string, object?> { ["列名"] = $"【{g.Topic}】", ["是否必填"] = "", ["填写要求"] = g.Text, ["示例"] = "" }))
            .ToList();
        var config = new OpenXmlConfiguration
        {
            DynamicColumns = Columns.Select(c => new DynamicExcelColumn(c) { Width = c is Name or Address or OperatorName ? 30 : 14, Format = "@" })
                .Append(new DynamicExcelColumn("填写要求") { Width = 90 }).ToArray(),
        };
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { [DataSheet] = header, [NotesSheet] = notes, [ExampleSheet] = new[] { ExampleRow() } };
        stream.SaveAs(sheets, configuration: config);
        return stream.ToArray();
    }
}
