using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary><c>dotnet run --project src/ElderCare.Web -- &lt;command&gt;</c>: migrate, seed. Returns null to run the web app.</summary>
public static class AdminCommands
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        // The command is the first argument; options such as --urls may follow it.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=')) return null;
        var command = args[0];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        switch (command)
        {
            case "migrate":
                await Database.MigrateAsync(db);
                Console.WriteLine("数据库已迁移到最新版本。");
                return 0;
            case "seed":
                await Database.MigrateAsync(db);
                var added = await RongchangSeed.RunAsync(db);
                Console.WriteLine($"基础数据已加载：新增 {added} 条（已有数据不覆盖）。");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"未知命令：{command}。可用命令：migrate、seed。");
                return 2;
        }
    }
}
