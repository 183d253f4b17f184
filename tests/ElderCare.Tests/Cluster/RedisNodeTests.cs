using System.Net;
using System.Text.Json;
using ElderCare.Tests.Alarms;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ElderCare.Tests.Cluster;

/// <summary>
/// Two nodes sharing Redis (ADR 32): a console connected to one node hears an alarm raised through the other, and the
/// per-address sign-in budget is one for both. Runs where a Redis server is given (ELDERCARE_TEST_REDIS, e.g.
/// 127.0.0.1:6379; CI starts one); each run keys its channels and counters with a prefix of its own.
/// </summary>
public sealed class RedisNodeTests : RedisNodePair
{
    private const int SignInBudget = 6;

    protected override void Configure(Dictionary<string, string> settings) =>
        settings["Security:SignInAttemptsPerMinute"] = SignInBudget.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private (AppFactory First, AppFactory Second) Nodes()
    {
        if (First is null || Second is null) Assert.Skip("ELDERCARE_TEST_REDIS 未设置：没有可用的 Redis。");
        return (First, Second);
    }

    [Fact]
    public async Task An_alarm_raised_through_one_node_reaches_a_console_connected_to_the_other_within_two_seconds()
    {
        var (first, second) = Nodes();
        var ct = TestContext.Current.CancellationToken;
        var console = await second.ClientAs(Role.DistrictStaff);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(second.Server.BaseAddress, "hubs/alarms"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => second.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(console.DefaultRequestHeaders.Authorization?.Parameter);
            })
            .Build();
        var signal = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("alarmChanged", s => signal.TrySetResult(s));
        await hub.StartAsync(ct);
        Assert.True(await hub.InvokeAsync<bool>("Ready", ct)); // the groups joined (AlarmHub.Ready)

        var elder = await AlarmsApiTests.Elder(first);
        var raised = await (await first.ClientAs(Role.DistrictStaff)).SendAsync(AlarmsApiTests.AlarmRequest(null, "cluster-hotline-1",
            new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder }), ct);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.ReadJson()).GetProperty("id").GetGuid();

        var heard = await signal.Task.WaitAsync(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(id, heard.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_sign_in_budget_of_an_address_is_shared_by_both_nodes()
    {
        var (first, second) = Nodes();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < SignInBudget + 2; i++)
        {
            var node = i % 2 == 0 ? first : second;
            using var api = node.CreateClient();
            answers.Add((await api.PostJson("/api/auth/token", new { userName = $"spray-{i}", password = "x" })).StatusCode);
        }
        Assert.All(answers.Take(SignInBudget), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(answers.Skip(SignInBudget), s => Assert.Equal(HttpStatusCode.TooManyRequests, s)); // on either node
    }

    [Fact]
    public async Task Both_nodes_are_ready_with_redis_connected()
    {
        var (first, second) = Nodes();
        foreach (var node in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }
}
