using System.Net;
using System.Text;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Outbound;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElderCare.Tests.Outbound;

/// <summary>
/// ADR 29: a delivery survives a restart of the app mid-retry. The first host queues an event and an SMS, the receiver
/// refuses both (500), the host stops; a new host on the same database (and field keys) sends each once.
/// </summary>
public class OutboxRestartTests
{
    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("ELDERCARE_TEST_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    [Fact]
    public async Task A_webhook_and_an_SMS_failed_before_a_restart_are_delivered_once_by_the_next_host()
    {
        var name = "eldercare_restart_" + Guid.NewGuid().ToString("N")[..12];
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        var keys = Path.Combine(Path.GetTempPath(), name + "-keys.json");
        string connection;
        if (AppFactory.OnPostgres)
        {
            await TemplateDatabase.CreatePostgresAsync(PostgresServer, name);
            connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        }
        else
        {
            await TemplateDatabase.CopySqliteAsync(file);
            connection = $"Data Source={file}";
        }
        await using var receiver = await Receiver.StartAsync();
        try
        {
            string path;
            await using (var first = new OutboundAppWith(receiver) { SharedDatabase = (connection, keys) })
            {
                await first.InitializeAsync();
                path = "/hooks/restart";
                var admin = await first.ClientAs(Role.DistrictAdmin);
                await (await admin.PostJson("/api/webhooks", new { name = "市级平台", url = receiver.Url + path, events = new[] { "alarm.raised" } }))
                    .Created();
                var elder = await first.Staff.NewElder(Make.Elder(name: "重启老人",
                    contacts: [new { name = "家属", relation = "女儿", phone = "13700001234" }]));
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { kind = "sos", occurredAt = first.Clock.GetUtcNow(), elderId = elder }),
                        Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", "restart-1");
                Assert.Equal(HttpStatusCode.Created, (await first.Staff.SendAsync(request)).StatusCode);
                await using (var scope = first.Scope(out var db))
                {
                    await SmsQueue.AddAsync(db, (ElderCare.Web.Infrastructure.Privacy.FieldProtector)scope.ServiceProvider.GetService(
                            typeof(ElderCare.Web.Infrastructure.Privacy.FieldProtector))!, SmsTemplate.Reminder, "13700001234",
                        new Dictionary<string, string> { ["item"] = "复评" }, "restart-sms", null, first.Clock.GetUtcNow().UtcDateTime, default);
                    await db.SaveChangesAsync();
                }
                receiver.Answer(path, HttpStatusCode.InternalServerError);
                receiver.Answer("/sms", HttpStatusCode.InternalServerError);
                await first.SendOutbox();
                await using (var scope = first.Scope(out var db))
                    Assert.All(await db.Outbox.AsNoTracking().ToListAsync(), m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));
            } // the host stops here, mid-retry

            await using var second = new OutboundAppWith(receiver) { SharedDatabase = (connection, keys) };
            await second.InitializeAsync();
            second.Clock.Advance(TimeSpan.FromSeconds(5)); // the back-off of the first failure
            await second.SendOutbox();
            await second.SendOutbox();
            await using (var scope = second.Scope(out var db))
                Assert.All(await db.Outbox.AsNoTracking().ToListAsync(), m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));
            Assert.Equal([500, 200], receiver.Requests.Where(r => r.Path == path).Select(r => r.Status).ToList());
            Assert.Equal([500, 200], receiver.Requests.Where(r => r.Path == "/sms").Select(r => r.Status).ToList());
            Assert.Single(receiver.Requests.Where(r => r.Path == path).Select(r => r.Headers[Signing.EventIdHeader]).Distinct());
        }
        finally
        {
            if (AppFactory.OnPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(PostgresServer);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            else
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm", file + ".identity" }) File.Delete(f);
            }
            File.Delete(keys);
        }
    }
}
