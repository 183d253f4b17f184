using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ElderCare.ClusterTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.ClusterTests;

/// <summary>
/// A node dies under load (ADR 32, ADR 11): devices send alarms through nginx, each retried with the same Idempotency-Key
/// until a 2xx, while node 5401 is SIGKILLed. Every acknowledged alarm is in PostgreSQL exactly once, with the id it was
/// acknowledged with; the retried ones are not duplicated.
/// </summary>
public sealed class NodeKillTests(ClusterFixture fixture)
{
    private const int Workers = 12;

    [Fact]
    public async Task Every_alarm_acknowledged_through_nginx_while_a_node_is_killed_is_stored_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = "kill-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var acked = new ConcurrentDictionary<string, Guid>();
        var retried = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        async Task Device(int w)
        {
            // Each worker from an address of its own: nginx's ip_hash spreads them over both nodes.
            using var http = LocalCluster.Client(LocalCluster.Nginx, source: w, connections: 4, timeout: TimeSpan.FromSeconds(10));
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = $"{run}{w}-{n}";
                var device = fixture.Devices[(w * 50 + n) % fixture.Devices.Count];
                var at = fixture.Clock.GetUtcNow();
                for (var attempt = 0; ; attempt++) // the same key until acknowledged, as a device does; never left hanging
                {
                    if (attempt > 0) retried[key] = attempt;
                    try
                    {
                        using var answer = await http.SendAsync(ClusterFixture.Alarm(device, key, at), CancellationToken.None);
                        if (answer.IsSuccessStatusCode)
                        {
                            var id = (await answer.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetGuid();
                            if (acked.TryGetValue(key, out var first) && first != id) throw new InvalidOperationException($"{key}: two ids");
                            acked[key] = id;
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // the node died under the request: retry
                    }
                    if (attempt > 100) throw new InvalidOperationException($"{key}: never acknowledged");
                    await Task.Delay(100, CancellationToken.None);
                }
                await Task.Delay(20, CancellationToken.None);
            }
        }

        var devices = Enumerable.Range(1, Workers).Select(w => Task.Run(() => Device(w), CancellationToken.None)).ToList();
        try
        {
            await Task.Delay(3000, ct);
            var before = acked.Count;
            fixture.Cluster.Kill(5401);
            await Task.Delay(5000, ct);
            Assert.True(acked.Count > before, "no alarm was acknowledged after the node was killed");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(devices);
            await fixture.Cluster.StartNodeAsync(5401);
        }

        await using var db = LocalCluster.Db();
        var rows = await db.Alarms.AsNoTracking().Where(a => a.IdempotencyKey.StartsWith(run)).Select(a => new { a.Id, a.IdempotencyKey })
            .ToListAsync(ct);
        var byKey = rows.GroupBy(r => r.IdempotencyKey).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acked.Count} alarms acknowledged, {retried.Count} of them after a failed try; {rows.Count} rows");
        Assert.NotEmpty(retried); // the kill did hit requests in flight or routed to the dead node
        Assert.All(acked, a => Assert.Equal([a.Value], byKey.GetValueOrDefault(a.Key) ?? []));
        Assert.All(retried.Keys, k => Assert.Single(byKey[k]));
        Assert.Equal(acked.Count, rows.Count); // nothing stored that was not acknowledged
    }
}
