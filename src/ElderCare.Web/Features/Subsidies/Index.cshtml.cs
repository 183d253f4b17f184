using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// 资金台账 (三(二)(三)): every role reads the amounts and explanations in its scope; the street or town reviews its unit's
/// claims; the district claims a year, approves, batches and records payment. Every act needs its confirmation box.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadSubsidies)]
public sealed class SubsidyLedgerModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public Paged<LedgerLineResource> Lines { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public IReadOnlyList<PaymentBatchResource> Batches { get; private set; } = [];
    public LotteryFundShare? Lottery { get; private set; }
    public bool CanReview => Roles.Allows(User, Roles.Policies.ReviewSubsidies);
    public bool CanManage => Roles.Allows(User, Roles.Policies.ManageSubsidies);
    public int ShownYear => Year ?? clock.Today().Year;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostClaimAsync(int? claimYear, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ManageSubsidies, confirm, async () =>
        {
            var o = await RaiseClaims.Handle(new RaiseClaims.Input(claimYear), clock, db, ct);
            return (o.Errors, o.Message, o.IsOk ? $"{o.Value!.Year} 年新申报 {o.Value.Created} 笔，冲销 {o.Value.Reversals} 笔。" : null);
        }, ct);

    public Task<IActionResult> OnPostReviewAsync(List<Guid> lineIds, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ReviewSubsidies, confirm, async () =>
        {
            var o = await ReviewClaims.Handle(new LineSelection(lineIds), user, db, clock, ct);
            return (o.Errors, o.Message, o.IsOk ? $"已审核 {o.Value!.Count} 笔。" : null);
        }, ct);

    public Task<IActionResult> OnPostApproveAsync(List<Guid> lineIds, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ManageSubsidies, confirm, async () =>
        {
            var o = await ApproveClaims.Handle(new LineSelection(lineIds), user, db, clock, ct);
            return (o.Errors, o.Message, o.IsOk ? $"已审批 {o.Value!.Count} 笔。" : null);
        }, ct);

    public Task<IActionResult> OnPostBatchAsync(string? fundingSource, List<Guid> lineIds, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ManageSubsidies, confirm, async () =>
        {
            var errors = new FieldErrors();
            var source = EnumText.Optional<FundingSource>(fundingSource, "fundingSource", errors);
            if (errors.Any) return (errors, null, null);
            var o = await RaisePaymentBatch.Handle(new RaisePaymentBatch.Input(source, lineIds), user, db, clock, ct);
            return (o.Errors, o.Message, o.IsOk ? $"已生成支付批次 {o.Value!.Number}（{o.Value.LineCount} 笔，{o.Value.Total} 元）。" : null);
        }, ct);

    public Task<IActionResult> OnPostPayAsync(Guid batchId, string? voucherNumber, DateOnly? paidOn, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ManageSubsidies, confirm, async () =>
        {
            var o = await RecordPayment.Handle(batchId, new RecordPayment.Input(voucherNumber, paidOn), user, db, clock, ct);
            return (o.Errors, o.Message, o.IsOk ? $"批次 {o.Value!.Number} 已登记支付（凭证号 {o.Value.VoucherNumber}）。" : null);
        }, ct);

    public Task<IActionResult> OnPostLotteryAsync(string? lotteryAmount, string? lotterySource, bool confirm, CancellationToken ct) =>
        Act(Roles.Policies.ManageSubsidies, confirm, async () =>
        {
            var errors = new FieldErrors();
            var fen = FormValues.Scaled(lotteryAmount, 2, "amountFen", errors, "5000000");
            if (errors.Any) return (errors, null, null);
            var o = await SaveLotteryFund.Handle(ShownYear, new SaveLotteryFund.Input(fen, lotterySource), db, clock, ct);
            return (o.Errors, o.Message, o.IsOk ? $"已录入 {ShownYear} 年区级留存福彩公益金。" : null);
        }, ct);

    public Pager ListPager() => new(Lines.Page, Lines.PageCount, Lines.Total,
        page => FormattableString.Invariant($"/subsidies?year={ShownYear}&status={Status}&page={page}"));

    private async Task<IActionResult> Act(string policy, bool confirm, Func<Task<(FieldErrors? Errors, string? Message, string? Done)>> act,
        CancellationToken ct)
    {
        if (!Roles.Allows(User, policy)) return Forbid();
        if (!confirm) ModelState.AddFieldErrors(new FieldErrors().Add("confirm", "请勾选确认后再操作。"));
        else
        {
            var (errors, message, done) = await act();
            if (done is not null)
            {
                return RedirectWithFlash(FormattableString.Invariant($"/subsidies?year={ShownYear}"), done);
            }
            ModelState.AddFieldErrors(errors ?? new FieldErrors().Add("confirm", message ?? "操作未成功。"));
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var query = new ListLedger.Query { Year = ShownYear, Status = Status, Page = Paging.PageNumber(Request), PageSize = 50 };
        var outcome = await ListLedger.Handle(query, user.Scope, db, ct);
        if (outcome.IsOk) Lines = outcome.Value!;
        else ModelState.AddFieldErrors(outcome.Errors!);
        if (!CanManage) return;
        Batches = await ListPaymentBatches.Handle(db, ct);
        Lottery = await GetLotteryFundShare.Handle(ShownYear, db, ct);
    }
}
