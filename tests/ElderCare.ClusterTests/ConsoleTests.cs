using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElderCare.ClusterTests.Infrastructure;

namespace ElderCare.ClusterTests;

/// <summary>The SignalR backplane in Redis (ADR 32): a console on one node hears an alarm raised through the other.</summary>
public sealed class ConsoleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_alarm_raised_through_node_A_reaches_a_console_on_node_B_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var (hub, heard) = await fixture.ConsoleAsync(5402, ct);
        await using var _ = hub;
        using var nodeA = LocalCluster.Client(LocalCluster.NodeUrl(5401));
        var key = "console-" + Guid.NewGuid().ToString("N");
        var raised = await nodeA.SendAsync(ClusterFixture.Alarm(fixture.Devices[0], key, fixture.Clock.GetUtcNow()), ct);
        var answered = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        while (!Heard(heard, id) && answered.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(20, ct);
        Assert.True(Heard(heard, id), "the console on node B did not hear the alarm within 2 s");
    }

    private static bool Heard(List<JsonElement> heard, Guid id)
    {
        lock (heard) return heard.Any(s => s.GetProperty("id").GetGuid() == id && s.GetProperty("change").GetString() == "raised");
    }
}
