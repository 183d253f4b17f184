using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ElderCare.Tests.Cluster;

/// <summary>Two nodes of one deployment on one database (ADR 32): the Data Protection keys in the database, sealed with the
/// configured key, so a cookie signed by one node is read by the other; background passes run on the leading node only.</summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private const string KeyEncryptionKey = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="; // 32 bytes, tests only

    private readonly AppFactory _first = Node(new AppFactory());
    private AppFactory _second = null!;

    private static AppFactory Node(AppFactory node)
    {
        node.Settings["DataProtection:Store"] = "Database";
        node.Settings["DataProtection:KeyEncryptionKey"] = KeyEncryptionKey;
        return node;
    }

    public async ValueTask InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = Node(_first.SecondNode());
        await _second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_cookie_signed_in_on_one_node_is_accepted_by_the_other_and_the_key_ring_is_sealed_in_the_database()
    {
        var user = await _first.User(Role.DistrictStaff, name: "cluster.staff");
        var cookies = await SignInAsync(_first, user.UserName!);

        foreach (var node in new[] { _first, _second })
        {
            using var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/facilities");
            request.Headers.Add("Cookie", cookies);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        using var scope = _first.Scope(out var db);
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml ?? "").ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("<sealed", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the key itself only inside the sealed text
        });
    }

    [Fact]
    public async Task An_api_token_started_on_one_node_works_on_the_other()
    {
        var client = await _first.ClientAs(Role.DistrictStaff);
        using var other = _second.CreateClient();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/facilities", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Background_passes_run_on_one_node_and_move_to_the_other_when_it_goes()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Clock(_first);
        var second = Clock(_second);
        Assert.True(await first.PassAsync(ct));
        if (!AppFactory.OnPostgres)
        {
            Assert.True(await second.PassAsync(ct)); // SQLite: one machine, its one node leads (ADR 32)
            return;
        }
        Assert.False(await second.PassAsync(ct)); // the first node leads
        Assert.True(await first.PassAsync(ct)); // and keeps the lead

        // The leading node dies: the server ends its session (as when the process is killed), the lock goes with it.
        await using (var admin = new NpgsqlConnection(_first.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var kill = new NpgsqlCommand("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objid::bigint = @low
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, admin);
            kill.Parameters.AddWithValue("low", Leadership.LockKey & 0xFFFFFFFF);
            Assert.Equal(1L, await kill.ExecuteScalarAsync(ct));
        }
        // The next node to ask takes over, once the server has ended that session (pg_terminate_backend only signals it).
        var tookOver = false;
        for (var i = 0; i < 50 && !tookOver; i++)
        {
            tookOver = await second.PassAsync(ct);
            if (!tookOver) await Task.Delay(100, ct);
        }
        Assert.True(tookOver);
        Assert.False(await first.PassAsync(ct)); // the old leader finds its lock gone and does not run twice
    }

    private static AlarmClock Clock(AppFactory node) => node.Services.GetServices<IHostedService>().OfType<AlarmClock>().Single();

    /// <summary>Signs in through the node's sign-in form and returns the Cookie header a browser would send next.</summary>
    private static async Task<string> SignInAsync(AppFactory node, string userName)
    {
        using var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var jar = Cookies(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName, ["password"] = AppFactory.Password,
                ["__RequestVerificationToken"] = PageSession.TokenIn(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", jar);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return jar + "; " + Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
