using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

/// <summary>QUALITY.md S8: personal data is encrypted at rest — not in the SQLite file or its WAL, not in PostgreSQL rows.</summary>
[Collection(nameof(SharedApp))]
public class PersonalDataTests(AppFactory app)
{
    [Fact]
    public async Task Id_numbers_and_phones_are_nowhere_in_plain_text_in_the_database()
    {
        const string mobile = "13955501234", idNumber = "500153193909090045", elderPhone = "13766602345";
        var admin = await app.ClientAs(Role.DistrictAdmin);
        await admin.PostJson("/api/users", new { userName = "plain.text", role = "evaluator", mobile, password = "Evaluator#2026x" });
        await app.Staff.NewElder(Make.Elder(name: "明文检查", idNumber: idNumber, phone: elderPhone));

        if (AppFactory.OnPostgres)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
            var rows = await db.Database.SqlQueryRaw<string>("SELECT row_to_json(u)::text AS \"Value\" FROM \"AspNetUsers\" u").ToListAsync();
            rows.AddRange(await db.Database.SqlQueryRaw<string>("SELECT row_to_json(e)::text AS \"Value\" FROM \"Elders\" e").ToListAsync());
            Assert.Contains(rows, r => r.Contains("plain.text", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.Contains("明文检查", StringComparison.Ordinal));
            foreach (var secret in new[] { mobile, idNumber, elderPhone })
                Assert.DoesNotContain(rows, r => r.Contains(secret, StringComparison.Ordinal));
            return;
        }
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        foreach (var needle in new[] { mobile, idNumber, elderPhone }.Select(Encoding.UTF8.GetBytes))
        {
            byte[] bytes;
            using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[s.Length];
                s.ReadExactly(bytes);
            }
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(path)} holds {Encoding.UTF8.GetString(needle)} in plain text");
            
        }
    }
}
