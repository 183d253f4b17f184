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
/// <c>dotnet run --project src/ElderCare.Web -- &lt;command&gt;</c>: migrate, seed [--demo], users
/// add|disable|reset-password, audit verify|prune, clients add, backup, restore (<see cref="Backups"/>). Returns null to
/// run the web app; otherwise the exit code (0 ok, 1 failed check, 2 bad input or bad arguments — with the command's usage,
/// 3 no database: StartChecks). Arguments are checked before the database is touched; a command that uses the database
/// first migrates it (as the start does), or refuses with a message in Chinese and English when it cannot (unreachable, or
/// PostgreSQL not yet migrated). Passwords come from standard input, never the command line (where they would land in shell
/// history).
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
          clients add NAME --role ROLE --expires YYYY-MM-DD [--region CODE] [--facility ID]... [--limit N]
                                                    新建接口账户，密钥只显示这一次
          backup FILE                               在线备份数据库到 FILE（SQLite 在线备份；PostgreSQL 用 pg_dump）
          restore FILE [--replace]                  从 FILE 恢复数据库（先停止应用；覆盖现有数据须加 --replace）
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
        // Integrations (clients): arguments first, then the database (migrated or refused), then the command.
        if (ArgumentProblem(args) is { } usage)
        {
            await error.WriteLineAsync(usage);
            return 2;
        }
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ct = CancellationToken.None;
        // ADR 32: a backup and a restore work on the database as it is — a restore where the file is lost, before any migration.
        if (args is ["backup" or "restore", var file, .. var flags])
        {
            var (options, database) = (services.GetRequiredService<DatabaseOptions>(), services.GetRequiredService<DatabaseFile>());
            var problem = args[0] == "backup"
                ? await Backups.BackupAsync(options, database, file, ct)
                : await Backups.RestoreAsync(options, database, file, flags.Contains("--replace"), ct);
            if (problem is not null) return Fail(error, problem);
            output.WriteLine(args[0] == "backup" ? $"已备份到 {file}。" : $"已从 {file} 恢复数据库，请启动应用。");
            return 0;
        }
        var db = services.GetRequiredService<AppDbContext>();
        // ADR 16: migrate and seed may create a missing SQLite file (the first start); nothing else may, and none where a
        // database lived before (its identity marker is still there).
        var creates = args is ["migrate", ..] or ["seed", ..];
        if (StartChecks.MissingDatabase(services.GetRequiredService<DatabaseFile>(), createIfMissing: creates) is { } missing)
        {
            await error.WriteLineAsync(missing);
            return StartChecks.RefusedExitCode;
        }
        try
        {
            if (!creates && await PrepareAsync(services, db, ct) is { } notReady)
            {
                await error.WriteLineAsync(notReady);
                return StartChecks.RefusedExitCode;
            }
            return await RunCommandAsync(services, db, args, input, output, error, ct);
        }
        // Unreachable, or refused at sign-in: no or a wrong password (28P01, 28000), no such database (3D000).
        catch (Exception e) when (Errors.DatabaseUnavailable.Is(e) || e is Npgsql.NpgsqlException { SqlState: null or "28P01" or "28000" or "3D000" })
        {
            await error.WriteLineAsync($"{Unreachable}\n{e.Message}");
            return StartChecks.RefusedExitCode;
        }
    }

    /// <summary>
    /// Before a command touches the database: migrate it (and load the reference data) where the start would (SQLite by
    /// default, PostgreSQL when Database:MigrateOnStart is set); elsewhere refuse a database that is not migrated yet.
    /// </summary>
    private const string Unreachable = "无法连接数据库，命令未执行。\nThe database cannot be reached; nothing was done.";

    private static async Task<string?> PrepareAsync(IServiceProvider services, AppDbContext db, CancellationToken ct)
    {
        if (await services.GetRequiredService<DatabaseState>().IsReadyAsync(db, ct)) return null;
        if (!await db.Database.CanConnectAsync(ct)) return Unreachable;
        var options = services.GetRequiredService<DatabaseOptions>();
        if (!(options.MigrateOnStart ?? options.Provider == DatabaseProvider.Sqlite))
            return "数据库尚未迁移：请先运行 migrate 命令。\nThe database has not been migrated yet: run the migrate command first.";
        services.GetRequiredService<DatabaseWatch>().Remember(await Database.MigrateAsync(db, ct));
        await RongchangSeed.RunAsync(db);
        return null;
    }

    private static async Task<int> RunCommandAsync(IServiceProvider services, AppDbContext db, string[] args, TextReader input, TextWriter output,
        TextWriter error, CancellationToken ct)
    {
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
            case ["clients", "add", var name, .. var rest]:
            {
                var facilities = Options(rest, "--facility").Select(f => Guid.TryParse(f, out var id) ? id : Guid.Empty).ToList();
                if (facilities.Contains(Guid.Empty)) return Fail(error, "设施编号无效。\n" + UsageOf("clients"));
                var expires = DateOnly.TryParseExact(Option(rest, "--expires"), "yyyy-MM-dd", out var d) ? d : (DateOnly?)null;
                if (expires is null) return Fail(error, "有效期至（--expires）应为 YYYY-MM-DD。\n" + UsageOf("clients"));
                int? limit = Option(rest, "--limit") is { } l ? int.TryParse(l, out var n) ? n : 0 : null;
                var result = await Features.Integrations.RegisterApiClient.Handle(
                    new(name, Option(rest, "--role"), Option(rest, "--region"), facilities, expires, limit), db,
                    services.GetRequiredService<Features.Integrations.IntegrationOptions>(), services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<AuditLog>(), services.GetRequiredService<CurrentUser>(), ct);
                return Report(output, error, result, c =>
                    $"已新建接口账户 {c.Client.Name}（{Roles.Of(c.Client.Role)}），客户端编号（client_id）：{c.Client.Id}\n" +
                    $"密钥（client_secret，只显示这一次，系统只保存其哈希）：{c.Secret}");
            }
            default:
                await error.WriteLineAsync($"无法识别的命令：{string.Join(' ', args)}\nUnknown command.\n{Usage}");
                return 2;
        }
    }

    /// <summary>The options each command takes (each with one value); a command missing here takes none.</summary>
    private static readonly Dictionary<string, (string[] Options, string[] Required)> Takes = new()
    {
        ["users add"] = (["--role", "--region", "--facility"], ["--role"]),
        ["clients add"] = (["--role", "--region", "--facility", "--expires", "--limit"], ["--role", "--expires"]),
    };

    /// <summary>The usage to print when the arguments do not fit a command (checked before the database is touched), or null.</summary>
    internal static string? ArgumentProblem(string[] args)
    {
        static bool HostOption(string a) => a.StartsWith('-') || a.Contains('=');
        var bad = "参数有误。Invalid arguments.\n";
        switch (args)
        {
            case ["migrate", .. var rest] when rest.All(HostOption):
            case ["seed", .. var more] when more.All(HostOption):
            case ["users", "disable" or "reset-password", var name] when !name.StartsWith('-'):
            case ["audit", "verify" or "prune"]:
            case ["backup", var target] when !target.StartsWith('-'):
            case ["restore", var source] when !source.StartsWith('-'):
            case ["restore", var replaced, "--replace"] when !replaced.StartsWith('-'):
                return null;
            case ["users" or "clients", "add", var name, .. var rest] when !name.StartsWith('-'):
            {
                var (options, required) = Takes[$"{args[0]} add"];
                for (var i = 0; i < rest.Length; i += 2)
                    if (!options.Contains(rest[i]) || i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                        return bad + UsageOf(args[0]);
                return required.All(r => rest.Contains(r)) ? null : bad + UsageOf(args[0]);
            }
            case ["migrate" or "seed" or "users" or "audit" or "clients" or "backup" or "restore", ..]:
                return bad + UsageOf(args[0]);
            default:
                return null; // the unknown command is reported with the whole usage
        }
    }

    /// <summary>The usage lines of the commands that start with the word, and the roles.</summary>
    internal static string UsageOf(string command)
    {
        var lines = Usage.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var mine = new List<string> { lines[0] };
        for (var i = 1; i < lines.Count; i++)
        {
            var text = lines[i].TrimStart();
            var continuation = lines[i].Length - text.Length > 20 && mine.Count > 1 && mine[^1] == lines[i - 1];
            if (text.StartsWith(command + " ", StringComparison.Ordinal) || continuation) mine.Add(lines[i]);
        }
        mine.Add(lines.First(l => l.TrimStart().StartsWith("角色", StringComparison.Ordinal)));
        return string.Join('\n', mine);
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
