using System.Text.Json.Serialization;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>A ledger line as the API and pages show it: amount in fen and in yuan, explanation, evidence, status.</summary>
public sealed record LedgerLineResource(Guid Id, LedgerKind Kind, string KindName, int Year, int? Month, Guid? FacilityId, string? FacilityName,
    string TownCode, string? TownName, Guid? ElderId, long AmountFen, string Amount, string Explanation, IReadOnlyList<string> Evidence,
    FundingSource FundingSource, string FundingSourceName, LedgerStatus Status, string StatusName, Guid? ReversalOf, Guid? BatchId,
    DateTime CreatedAt)
{
    [JsonIgnore] public bool IsReversal => ReversalOf is not null;

    public static LedgerLineResource From(LedgerLine l, IReadOnlyDictionary<Guid, string> facilities, IReadOnlyDictionary<string, string> units) =>
        new(l.Id, l.Kind, SubsidyLabels.Of(l.Kind), l.Year, l.Month, l.FacilityId,
            l.FacilityId is { } f ? facilities.GetValueOrDefault(f) : null, l.TownCode, units.GetValueOrDefault(l.TownCode), l.ElderId,
            l.AmountFen, Display.YuanAmount(l.AmountFen), l.Explanation,
            l.Evidence.Split('\n', StringSplitOptions.RemoveEmptyEntries), l.FundingSource, SubsidyLabels.Of(l.FundingSource), l.Status,
            SubsidyLabels.Of(l.Status), l.ReversalOf, l.BatchId, l.CreatedAt);
}

public sealed record PaymentBatchResource(Guid Id, string Number, FundingSource FundingSource, string FundingSourceName, BatchStatus Status,
    string StatusName, long TotalFen, string Total, int LineCount, string? VoucherNumber, DateOnly? PaidOn, string CreatedBy, DateTime CreatedAt)
{
    public static PaymentBatchResource From(PaymentBatch b) => new(b.Id, b.Number, b.FundingSource, SubsidyLabels.Of(b.FundingSource), b.Status,
        b.Status == BatchStatus.Paid ? "已支付" : "待支付", b.TotalFen, Display.YuanAmount(b.TotalFen), b.LineCount, b.VoucherNumber, b.PaidOn,
        b.CreatedBy, b.CreatedAt);
}

public static class SubsidyLabels
{
    public static string Of(LedgerKind k) => k switch
    {
        LedgerKind.ConstructionAward => "建设以奖代补",
        LedgerKind.TownAward => "镇以奖代补",
        LedgerKind.OperatingSubsidy => "运营补贴",
        LedgerKind.PlacementFee => "特困人员供养费",
        _ => k.ToString(),
    };

    public static string Of(FundingSource s) => s switch
    {
        FundingSource.LotteryFund => "福彩公益金",
        FundingSource.DistrictBudget => "区级财政",
        FundingSource.MunicipalAward => "市级奖补",
        _ => s.ToString(),
    };

    public static string Of(LedgerStatus s) => s switch
    {
        LedgerStatus.Claimed => "已申报",
        LedgerStatus.TownReviewed => "镇街已审核",
        LedgerStatus.Approved => "区已审批",
        LedgerStatus.Batched => "已入批次",
        LedgerStatus.Paid => "已支付",
        _ => s.ToString(),
    };

    public static string Of(SubsidyKind k) => k switch
    {
        SubsidyKind.ConstructionAward => "建设以奖代补（每个设施）",
        SubsidyKind.TownAward => "镇以奖代补（每个镇）",
        SubsidyKind.OperatingSubsidy => "运营补贴（每年）",
        SubsidyKind.GradeFactor => "评估等级系数",
        SubsidyKind.PlacementBasicLiving => "敬老院标准：基本生活费（每人每月）",
        SubsidyKind.PlacementNursing => "敬老院标准：护理费（每人每月）",
        SubsidyKind.PlacementOperating => "敬老院标准：运营费（每人每月）",
        _ => k.ToString(),
    };
}
