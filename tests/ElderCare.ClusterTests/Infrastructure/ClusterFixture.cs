using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElderCare.ClusterTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

[assembly: AssemblyFixture(typeof(ClusterFixture))]
// One cluster for the run, and tests that kill its nodes: one test at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ElderCare.ClusterTests.Infrastructure;

/// <summary>
/// Starts <c>deploy/cluster.sh</c> once for the run, with short alarm windows (acknowledge within 4 s, the clock every
/// second: real processes run on real time, so the windows are explicit and short) and stops it at the end. Adds a
/// district staff member (initial password changed, as a user must) and alarm devices.
/// </summary>
public sealed partial class ClusterFixture : IAsyncLifetime
{
    public const int AcknowledgeSeconds = 4;
    public const string StaffName = "cluster.staff";
    public const string StaffPassword = "Qingshan#Changed2026";

    public LocalCluster Cluster { get; } = new(new Dictionary<string, string>
    {
        ["Alarms__AcknowledgeSeconds"] = AcknowledgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alarms__ClockIntervalSeconds"] = "1",
    });

    /// <summary>An API token of the staff member, started on node 5402.</summary>
    public string Token { get; private set; } = "";

    /// <summary>A client of the node on the port, signed in with <see cref="Token"/>.</summary>
    public HttpClient SignedInClient(int port)
    {
        var client = LocalCluster.Client(LocalCluster.NodeUrl(port));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public IReadOnlyList<string> Devices { get; private set; } = [];

    /// <summary>The cluster's clock (the nodes run on real time): device times are judged against it, never the test's hour.</summary>
    public TimeProvider Clock { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Cluster.StartAsync();
        const string initial = "Qingshan#Initial2026";
        await Cluster.AppAsync(initial, "users", "add", StaffName, "--role", "district-staff");
        using var node = LocalCluster.Client(LocalCluster.NodeUrl(5402));
        var changed = await node.PostAsJsonAsync("/api/auth/password",
            new { userName = StaffName, currentPassword = initial, newPassword = StaffPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var token = await node.PostAsJsonAsync("/api/auth/token", new { userName = StaffName, password = StaffPassword });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Token = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        await using var db = LocalCluster.Db();
        Clock = await ClusterClock.ReadAsync(db);
        Devices = await DeviceSeed.AddAsync(db, 1000, Clock.GetUtcNow().UtcDateTime, "CLUSTER");
    }

    public async ValueTask DisposeAsync() => await Cluster.StopAsync();

    /// <summary>The staff member's alarm console on one node: every signal it hears, over WebSockets.</summary>
    public async Task<(HubConnection Hub, List<JsonElement> Heard)> ConsoleAsync(int port, CancellationToken ct)
    {
        var heard = new List<JsonElement>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(LocalCluster.NodeUrl(port)), "hubs/alarms"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(Token))
            .Build();
        hub.On<JsonElement>("alarmChanged", s =>
        {
            lock (heard) heard.Add(s);
        });
        await hub.StartAsync(ct);
        Assert.True(await hub.InvokeAsync<bool>("Ready", ct)); // the groups joined (AlarmHub.Ready)
        return (hub, heard);
    }

    /// <summary>A device's alarm with its idempotency key.</summary>
    public static HttpRequestMessage Alarm(string deviceKey, string idempotencyKey, DateTimeOffset at)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
            { Content = new StringContent(DeviceSeed.AlarmBody(at), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Device-Key", deviceKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>Signs the staff member in through a node's sign-in form; returns the Cookie header a browser would send next.</summary>
    public static async Task<string> SignInAsync(int port, CancellationToken ct)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = new Uri(LocalCluster.NodeUrl(port)) };
        var page = await client.GetAsync("/account/login", ct);
        var jar = Cookies(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = StaffName, ["password"] = StaffPassword,
                ["__RequestVerificationToken"] = FormToken().Match(await page.Content.ReadAsStringAsync(ct)).Groups[1].Value,
            }),
        };
        post.Headers.Add("Cookie", jar);
        var signedIn = await client.SendAsync(post, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return jar + "; " + Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
