using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Audit;

/// <summary>
/// 审计日志 (等保 8.1.4.3): search by China calendar days, user, action and outcome; the same filters export to Excel;
/// and the hash chain can be verified end to end (tampering or deleted entries show where the chain breaks).
/// </summary>
[Authorize(Policy = Roles.Policies.ReadAudit)]
public sealed class AuditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "userName")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "outcome")] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true, Name = "verify")] public bool Verify { get; set; }

    public Paged<AuditRow>? Result { get; private set; }

    /// <summary>The verification of the whole chain, when asked for.</summary>
    public (AuditChain.Broken? Broken, long Checked)? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListAuditEntries.Handle(Query(Paging.PageNumber(Request)), db, clock, ct);
        if (outcome.IsOk) Result = outcome.Value;
        else ModelState.AddFieldErrors(outcome.Errors!);
        if (Verify) Verification = await VerifyAudit.Handle(db, ct);
    }

    private ListAuditEntries.Query Query(int? page) => new()
    {
        From = FormValues.Trimmed(From), To = FormValues.Trimmed(To), UserName = FormValues.Trimmed(UserName),
        Action = FormValues.Trimmed(Action), Outcome = FormValues.Trimmed(Outcome), Page = page, PageSize = PageSize,
    };

    private Dictionary<string, string?> Filters() => new()
    {
        ["from"] = FormValues.Trimmed(From), ["to"] = FormValues.Trimmed(To), ["userName"] = FormValues.Trimmed(UserName),
        ["action"] = FormValues.Trimmed(Action), ["outcome"] = FormValues.Trimmed(Outcome),
    };

    public bool Filtered => Filters().Values.Any(v => v is not null);

    /// <summary>The current filters as hidden fields, so verifying the chain keeps the search.</summary>
    public IEnumerable<KeyValuePair<string, string>> FilterFields() =>
        Filters().Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!));

    /// <summary>The Excel export of the same search (the API accepts the sign-in cookie).</summary>
    public string ExportUrl => "/api/audit/export.xlsx" + QueryString.Create(Filters().Where(kv => kv.Value is not null)).ToUriComponent();

    public Pager ListPager() => new(Result!.Page, Result.PageCount, Result.Total, page =>
        "/audit" + QueryString.Create(Filters().Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Where(kv => kv.Value is not null)).ToUriComponent());

    /// <summary>The actions the platform writes (AuditLog callers and AuditWrites), for the action filter.</summary>
    public static readonly IReadOnlyList<(string Action, string Text)> Actions =
    [
        ("auth.", "登录与退出（全部）"),
        ("auth.sign-in", "登录"),
        ("auth.sign-out", "退出登录"),
        ("user.", "用户管理（全部）"),
        ("user.add", "新增用户"),
        ("user.update", "修改用户资料"),
        ("user.permission", "变更用户权限"),
        ("user.disable", "停用用户"),
        ("user.enable", "启用用户"),
        ("user.password-change", "修改密码"),
        ("user.password-reset", "重置密码"),
        ("user.two-factor-enrol", "绑定双因素认证"),
        ("data.unmask", "查看完整个人信息"),
        ("data.write", "数据写入"),
        ("data.export", "数据导出"),
        ("data.download", "下载证明材料"),
    ];

    public static string ActionText(string action) =>
        Actions.FirstOrDefault(a => a.Action == action).Text ?? action;

    public static string OutcomeText(string outcome) => outcome switch
    {
        AuditOutcome.Success => "成功",
        AuditOutcome.Failure => "失败",
        _ => outcome,
    };
}
