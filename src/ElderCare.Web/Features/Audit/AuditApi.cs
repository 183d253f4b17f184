using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Audit;

public static class AuditApi
{
    /// <summary>An export holds at most this many entries; narrow the dates for more.</summary>
    public const int ExportLimit = 50_000;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("审计").RequireAuthorization(Roles.Policies.ReadAudit);
        g.MapGet("/", async ([AsParameters] ListAuditEntries.Query q, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ListAuditEntries.Handle(q, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("查询审计日志（时间、用户、操作、结果）");
        g.MapGet("/export.xlsx", async ([AsParameters] ListAuditEntries.Query q,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ListAuditEntries.Handle(q with { Page = 1 }, db, clock, ct, ExportLimit)).ToResult(page =>
                {
                    var xlsx = SpreadsheetWriter.Xlsx("审计日志", page.Items.Select(r => new Dictionary<string, object?>
                    {
                        ["序号"] = r.Sequence, ["时间"] = Display.ChinaTime(r.At, seconds: true),
                        ["用户"] = r.UserName, ["操作"] = r.Action, ["对象"] = r.Target, ["结果"] = r.Outcome, ["来源地址"] = r.Address, ["说明"] = r.Detail,
                    }));
                    return TypedResults.File(xlsx, SpreadsheetWriter.ContentType, "审计日志.xlsx");
                }))
            .WithSummary("导出审计日志（Excel）");
        g.MapGet("/verify", async (AppDbContext db, CancellationToken ct) =>
            {
                var (broken, count) = await VerifyAudit.Handle(db, ct);
                return TypedResults.Ok(new AuditVerification(broken is null, count, broken?.Sequence, broken?.Reason));
            })
            .WithSummary("校验审计日志哈希链");
        return api;
    }

    /// <summary>The hash chain's check: intact, how many entries were checked, the first broken one and why.</summary>
    public sealed record AuditVerification(bool Intact, long Entries, long? FirstBad, string? Reason);
}
