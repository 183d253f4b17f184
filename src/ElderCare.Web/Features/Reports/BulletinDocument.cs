using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The bulletin as a Word document an office can edit (Open XML): a heading, the summary, the progress table against the
/// 2020 and 2022 targets with proportional bars, the ranking with 红/黄/绿 per target, and the quarter's totals.
/// </summary>
public static class BulletinDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Characters of a full bar (100 %).</summary>
    public const int BarWidth = 20;

    public static byte[] Write(BulletinResource b)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Heading($"{b.QuarterLabel}社区居家养老服务全覆盖工作进展通报"));
            body.Append(Text($"依据：荣昌府办发〔2020〕1号 三、保障措施“每季度通报工作进展情况”。数据截至 {b.AsOf:yyyy-MM-dd}，" +
                $"取自已审定锁定的镇街季报 {b.Approved} 份（共 {b.Reports} 份）。" + (b.FormConfirmed ? "" : $"报表样式{Placeholders.Mark}。")));
            if (b.NotApproved.Count > 0) body.Append(Text($"尚未审定的镇街（{b.NotApproved.Count}个）：{string.Join("、", b.NotApproved)}。"));
            body.Append(Heading("一、目标进展（2020年、2022年目标）", 2));
            body.Append(Table(["指标", "期限", "目标", "全区", "进度", "达标镇街", "评价"], b.Targets.Select(t => new[]
            {
                t.Name, $"{t.Deadline:yyyy-MM-dd}{(t.DeadlinePassed ? "（已到期）" : "")}", ReportDisplay.Percent((decimal)t.Target),
                ReportDisplay.Percent(t.Value), Bar(t.Value), $"{t.UnitsMet}/{t.UnitsRated}", Bulletin.Label(t.Rag),
            })));
            body.Append(Heading("二、镇街排名", 2));
            body.Append(Text($"绿=达到目标，黄=差距不超过{b.AmberMargin * 100:0}个百分点且未到期限（{Placeholders.Mark}），红=其余；绿2分、黄1分。"));
            body.Append(Table(["名次", "镇街", "得分", "绿", "黄", "红"], b.Ranking.Select(r => new[]
            {
                r.Rank.ToString(CultureInfo.InvariantCulture), r.UnitName, r.Points.ToString(CultureInfo.InvariantCulture),
                r.Green.ToString(CultureInfo.InvariantCulture), r.Amber.ToString(CultureInfo.InvariantCulture),
                r.Red.ToString(CultureInfo.InvariantCulture),
            })));
            body.Append(Heading("三、本季服务与资金", 2));
            body.Append(Table(["指标", "合计"], b.Totals.Select(t => new[] { t.Name, ReportDisplay.Value(t.Value, t.Unit) })));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A bar of full blocks proportional to a ratio (20 blocks = 100 %), then the percentage.</summary>
    public static string Bar(decimal? ratio) =>
        ratio is { } r ? new string('█', (int)Math.Round(Math.Clamp(r, 0, 1) * BarWidth, MidpointRounding.AwayFromZero)) : "";

    private static Paragraph Heading(string text, int level = 1) => new(
        new ParagraphProperties(new Justification { Val = level == 1 ? JustificationValues.Center : JustificationValues.Left }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = level == 1 ? "36" : "28" }, Font()), new Text(text)));

    private static Paragraph Text(string text) =>
        new(new Run(new RunProperties(Font()), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static RunFonts Font() => new() { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" };

    private static Table Table(string[] header, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true));
        foreach (var r in rows) table.Append(Row(r, bold: false));
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) => new(cells.Select(c => new TableCell(new Paragraph(
        new Run(bold ? new RunProperties(new Bold(), Font()) : new RunProperties(Font()),
            new Text(c) { Space = SpaceProcessingModeValues.Preserve })))));
}
