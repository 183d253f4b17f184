using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>What a ledger line pays (三(二)(三)): a construction award, a town award, an operating subsidy, a 特困 placement fee.</summary>
public enum LedgerKind { ConstructionAward, TownAward, OperatingSubsidy, PlacementFee }

/// <summary>已申报 → 镇街已审核 → 区已审批 → 已入批次 → 已支付.</summary>
public enum LedgerStatus { Claimed, TownReviewed, Approved, Batched, Paid }

/// <summary>
/// One line of the append-only ledger: an amount claimed for an entitlement, or the reversal of an earlier line
/// (negative, <see cref="ReversalOf"/> set). Amounts, explanation and basis are never edited; only the status moves
/// forward. (<see cref="Key"/>, <see cref="Revision"/>) is unique, so two claims of one entitlement cannot both be written.
/// </summary>
public sealed class LedgerLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Key { get; init; }
    public int Revision { get; init; }
    public LedgerKind Kind { get; init; }
    public int Year { get; init; }
    public int? Month { get; init; }
    public Guid? FacilityId { get; init; }
    public required string TownCode { get; init; }
    public Guid? ElderId { get; init; }
    public long AmountFen { get; init; }
    public required string Explanation { get; init; }
    public required string Evidence { get; init; }
    public required string Basis { get; init; }
    public FundingSource FundingSource { get; init; }
    public LedgerStatus Status { get; set; }
    public Guid? ReversalOf { get; init; }
    public Guid? BatchId { get; set; }
    public DateTime CreatedAt { get; init; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class LedgerLineConfiguration : IEntityTypeConfiguration<LedgerLine>
{
    public void Configure(EntityTypeBuilder<LedgerLine> e)
    {
        e.Property(x => x.Key).HasMaxLength(80);
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.TownCode).HasMaxLength(9);
        e.Property(x => x.Explanation).HasMaxLength(500);
        e.Property(x => x.Evidence).HasMaxLength(2000);
        e.Property(x => x.Basis).HasMaxLength(64);
        e.Property(x => x.FundingSource).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.ReviewedBy).HasMaxLength(64);
        e.Property(x => x.ApprovedBy).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Key, x.Revision }).IsUnique();
        e.HasIndex(x => x.ReversalOf).IsUnique();
        e.HasIndex(x => new { x.Year, x.Status });
        e.HasIndex(x => new { x.TownCode, x.Status });
        e.HasIndex(x => x.FacilityId);
        e.HasIndex(x => x.BatchId);
    }
}

/// <summary>支付批次: approved lines of one funding source paid together under one voucher (凭证号).</summary>
public enum BatchStatus { Open, Paid }

public sealed class PaymentBatch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>"ZF-2026-0001": the year and a serial within it.</summary>
    public required string Number { get; init; }

    public FundingSource FundingSource { get; init; }
    public BatchStatus Status { get; set; }
    public long TotalFen { get; init; }
    public int LineCount { get; init; }
    public string? VoucherNumber { get; set; }
    public DateOnly? PaidOn { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? PaidBy { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> e)
    {
        e.Property(x => x.Number).HasMaxLength(20);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.FundingSource).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(10);
        e.Property(x => x.VoucherNumber).HasMaxLength(50);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.Property(x => x.PaidBy).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>The district-retained welfare-lottery fund (福彩公益金) of a year, of which ≥ 80 % goes to elderly care.</summary>
public sealed class LotteryFundYear
{
    public int Year { get; init; }
    public long AmountFen { get; set; }
    public required string Source { get; set; }
}

internal sealed class LotteryFundYearConfiguration : IEntityTypeConfiguration<LotteryFundYear>
{
    public void Configure(EntityTypeBuilder<LotteryFundYear> e)
    {
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.Source).HasMaxLength(200);
    }
}
