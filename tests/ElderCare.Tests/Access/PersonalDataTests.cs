using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

/// <summary>QUALITY.md S8: personal data is encrypted at rest — not in the SQLite file or its WAL, not in PostgreSQL rows.</summary>
public class PersonalDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_mobile_number_is_nowhere_in_plain_text_in_the_database()
    {
        const string mobile = "13955501234";
        var admin = await app.ClientAs(Role.DistrictAdmin);
        await admin.PostJson("/api/users", new { userName = "plain.text", role = "evaluator", mobile, password = "Evaluator#2026x" });

        if (AppFactory.OnPostgres)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
            var rows = await db.Database.SqlQueryRaw<string>("SELECT row_to_json(u)::text AS \"Value\" FROM \"AspNetUsers\" u").ToListAsync();
            Assert.Contains(rows, r => r.Contains("plain.text", StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.Contains(mobile, StringComparison.Ordinal));
            return;
        }
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var needle = Encoding.UTF8.GetBytes(mobile);
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            byte[] bytes;
            using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[s.Length];
                s.ReadExactly(bytes);
            }
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(path)} holds the mobile number in plain text");
            
        }
    }
}
