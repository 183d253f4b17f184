using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Users;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// <c>dotnet run --project src/ElderCare.Web -- &lt;command&gt;</c>: migrate, seed [--demo], users add|disable|reset-password,
/// audit verify. Returns null to run the web app; otherwise the exit code (0 ok, 1 failed check, 2 bad input, 3 no database: StartChecks).
/// Passwords come from standard input, never the command line (where they would land in shell history).
/// </summary>
public static class AdminCommands
{
    private const string Usage = """
        可用命令：
          migrate                                   迁移数据库并退出
          seed                                      载入基础数据（幂等）
          seed --demo                               在新的空数据库中载入演示数据（合成的荣昌区；已有实际数据时拒绝，退出 1）
          users add NAME --role ROLE [--region CODE] [--facility ID]...   新增用户，密码从标准输入读取
          users disable NAME                        停用用户并结束其全部会话
          users reset-password NAME                 重置密码（从标准输入读取；为空则生成），下次登录须修改
          audit verify                              校验审计日志哈希链；完好退出 0，否则指出第一条有问题的记录并退出 1
          audit prune                               删除超过保留期（Audit:RetentionDays，至少 180 天）的最早记录
        角色：district-admin district-staff town-officer operator caregiver evaluator auditor
        """;

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        // The command is the first argument; options such as --urls may follow it.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=')) return null;
        var stdinPrompt = !Console.IsInputRedirected;
        if (stdinPrompt && args is ["users", "add" or "reset-password", ..]) Console.Error.Write("密码（输入后回车）：");
        return await RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(IServiceProvider root, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var ct = CancellationToken.None;
        // ADR 16: migrate and seed may create a missing SQLite file (the first start); nothing else may, and none where a
        // database lived before (its identity marker is still there).
        var creates = args is ["migrate", ..] or ["seed", ..];
        if ((creates || args is ["users", ..] or ["audit", ..])
            && StartChecks.MissingDatabase(services.GetRequiredService<DatabaseFile>(), createIfMissing: creates) is { } missing)
        {
            await error.WriteLineAsync(missing);
            return StartChecks.RefusedExitCode;
        }
        switch (args)
        {
            case ["migrate", ..]:
                services.GetRequiredService<DatabaseWatch>().Remember(await Database.MigrateAsync(db));
                output.WriteLine("数据库已迁移到最新版本。");
                return 0;
            case ["seed", "--demo"]:
            {
                services.GetRequiredService<DatabaseWatch>().Remember(await Database.MigrateAsync(db));
                var demo = await DemoSeed.RunAsync(db, services.GetRequiredService<FieldProtector>(), services.GetRequiredService<AuditLog>(),
                    services.GetRequiredService<TimeProvider>(), ct);
                if (!demo.IsOk)
                {
                    await error.WriteLineAsync(demo.Message);
                    return 1;
                }
                output.WriteLine($"演示数据已载入（名称均带“{DemoSeed.Mark}”，首页显示“演示数据”）：{demo.Value}。");
                return 0;
            }
            case ["seed", ..]:
                services.GetRequiredService<DatabaseWatch>().Remember(await Database.MigrateAsync(db));
                output.WriteLine($"基础数据已加载：新增 {await RongchangSeed.RunAsync(db)} 条（已有数据不覆盖）。");
                return 0;
            case ["users", "add", var name, .. var rest]:
            {
                var role = Option(rest, "--role");
                var region = Option(rest, "--region");
                var facilities = new List<Guid>();
                foreach (var f in Options(rest, "--facility"))
                {
                    if (!Guid.TryParse(f, out var id)) return Fail(error, $"设施编号无效：{f}");
                    facilities.Add(id);
                }
                var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
                var result = await RegisterUser.Handle(new RegisterUser.Input(name, null, role, region, facilities, false, null, password), db,
                    services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<FieldProtector>(),
                    services.GetRequiredService<TimeProvider>(), services.GetRequiredService<AuditLog>(),
                    services.GetRequiredService<CurrentUser>(), ct);
                return Report(output, error, result, u => $"已新增用户 {u.UserName}（{Roles.Of(u.Role)}），首次登录须修改密码。");
            }
            case ["users", "disable", var name]:
                return Report(output, error, await DisableUser.Handle(name, true, db, services.GetRequiredService<FieldProtector>(),
                    services.GetRequiredService<Sessions>(), services.GetRequiredService<AuditLog>(), null, ct),
                    u => $"已停用 {u.UserName}，其全部会话和令牌已失效。");
            case ["users", "reset-password", var name]:
            {
                var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
                var result = await SetPassword.Reset(name, password, db, services.GetRequiredService<UserManager<AppUser>>(),
                    services.GetRequiredService<Sessions>(), services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<AuditLog>(), null, ct);
                return Report(output, error, result, r => string.IsNullOrEmpty(password)
                    ? $"已重置 {r.User.UserName} 的密码为：{r.Password}（只显示这一次），下次登录须修改。"
                    : $"已重置 {r.User.UserName} 的密码，下次登录须修改。");
            }
            case ["audit", "verify"]:
            {
                var (broken, count) = await VerifyAudit.Handle(db, ct);
                if (broken is null)
                {
                    output.WriteLine($"审计日志完好：共校验 {count} 条。");
                    return 0;
                }
                await error.WriteLineAsync($"审计日志被篡改：第 {broken.Sequence} 条 — {broken.Reason}。");
                return 1;
            }
            case ["audit", "prune"]:
            {
                var days = PruneAudit.RetentionDays(services.GetRequiredService<IConfiguration>());
                var removed = await PruneAudit.Handle(days, db, services.GetRequiredService<TimeProvider>(), ct);
                output.WriteLine($"已删除保留期（{days} 天）以前的最早 {removed} 条审计记录；其余记录的哈希链不受影响。");
                return 0;
            }
            default:
                await error.WriteLineAsync($"无法识别的命令：{string.Join(' ', args)}\n{Usage}");
                return 2;
        }
    }

    private static int Report<T>(TextWriter output, TextWriter error, Errors.Outcome<T> outcome, Func<T, string> ok)
    {
        if (outcome.IsOk)
        {
            output.WriteLine(ok(outcome.Value!));
            return 0;
        }
        var details = outcome.Errors?.Entries.SelectMany(e => e.Value.Select(m => $"  {e.Key}: {m}")) ?? [];
        return Fail(error, string.Join('\n', new[] { outcome.Message ?? "失败" }.Concat(details)));
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }

    private static string? Option(string[] args, string name) => Options(args, name).FirstOrDefault();

    private static IEnumerable<string> Options(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == name) yield return args[i + 1];
    }
}
