using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Alarms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ElderCare.Tests.Alarms.AlarmsApiTests;

namespace ElderCare.Tests.Alarms;

/// <summary>Group commit (AlarmWriteGate): alarms waiting together are written in one transaction, none lost or doubled.</summary>
public class AlarmGroupCommitTests(AlarmsApp app) : IClassFixture<AlarmsApp>
{
    private static Alarm NewAlarm(Guid elder, string source, string key) => new()
    {
        Source = source, IdempotencyKey = key, RequestHash = new string('0', 64), ElderId = elder, Kind = AlarmKind.Sos,
        OccurredAt = AppFactory.Start.UtcDateTime, RaisedAt = AppFactory.Start.UtcDateTime, RegionCode = Make.Changyuan,
        UnitCode = Make.Changyuan[..9], Status = AlarmStatus.Raised,
    };

    private static AlarmNotification NoteFor(Alarm a) => new()
    {
        AlarmId = a.Id, Recipient = "李小军", Message = "测试", CreatedAt = a.RaisedAt, NextAttemptAt = a.RaisedAt,
    };

    [Fact]
    public async Task A_batch_with_one_duplicate_key_still_stores_all_the_others_exactly_once()
    {
        var elder = await Elder(app);
        var source = $"user:{Guid.NewGuid():N}";
        var gate = app.Services.GetRequiredService<AlarmWriteGate>();
        var first = new AlarmWriteGate.Pending(NewAlarm(elder, source, "dup"), []);
        await gate.WriteAsync([first], CancellationToken.None);
        await first.Stored;

        var batch = Enumerable.Range(0, 6).Select(i => NewAlarm(elder, source, i == 3 ? "dup" : $"b-{i}"))
            .Select(a => new AlarmWriteGate.Pending(a, [NoteFor(a)])).ToList();
        await gate.WriteAsync(batch, CancellationToken.None);

        await Assert.ThrowsAsync<DbUpdateException>(() => batch[3].Stored);
        Assert.All(batch.Where((_, i) => i != 3), p => Assert.True(p.Stored.IsCompletedSuccessfully));
        await using var scope = app.Scope(out var db);
        var keys = await db.Alarms.Where(a => a.ElderId == elder).Select(a => a.IdempotencyKey).ToListAsync();
        Assert.Equal(["b-0", "b-1", "b-2", "b-4", "b-5", "dup"], keys.Order().ToArray());
        Assert.Equal(first.Alarm.Id, await db.Alarms.Where(a => a.ElderId == elder && a.IdempotencyKey == "dup").Select(a => a.Id).SingleAsync());
        var alarmIds = batch.Where((_, i) => i != 3).Select(p => p.Alarm.Id).ToList();
        Assert.Equal(5, await db.AlarmNotifications.CountAsync(n => alarmIds.Contains(n.AlarmId)));
        Assert.Equal(0, await db.AlarmNotifications.CountAsync(n => n.AlarmId == batch[3].Alarm.Id));
    }

    [Fact]
    public async Task A_batch_with_the_same_key_twice_stores_it_once_and_the_rest_once()
    {
        var elder = await Elder(app);
        var source = $"user:{Guid.NewGuid():N}";
        var gate = app.Services.GetRequiredService<AlarmWriteGate>();
        var batch = new[] { "x-1", "x-2", "x-1", "x-3" }.Select(k => new AlarmWriteGate.Pending(NewAlarm(elder, source, k), [])).ToList();
        await gate.WriteAsync(batch, CancellationToken.None);
        Assert.Equal([true, true, false, true], batch.Select(p => p.Stored.IsCompletedSuccessfully).ToArray());
        await using var scope = app.Scope(out var db);
        Assert.Equal(["x-1", "x-2", "x-3"], (await db.Alarms.Where(a => a.ElderId == elder).Select(a => a.IdempotencyKey).ToListAsync()).Order()
            .ToArray());
    }

    [Fact]
    public async Task Concurrent_alarms_and_their_replays_are_each_stored_once_and_answered_with_their_own_alarm()
    {
        var devices = new List<(Guid Elder, string Key)>();
        for (var i = 0; i < 6; i++)
        {
            var elder = await Elder(app);
            devices.Add((elder, (await Device(app, elder)).Key));
        }
        var sends = devices.SelectMany(d => Enumerable.Range(0, 5).SelectMany(k => new[] { (d, $"burst-{k}"), (d, $"burst-{k}") }))
            .Select(async x =>
            {
                for (var attempt = 0; ; attempt++)
                {
                    var r = await app.CreateClient().SendAsync(AlarmRequest(x.d.Key, x.Item2,
                        new { kind = "sos", occurredAt = AppFactory.Start.AddSeconds(-5) }));
                    if (r.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
                        return (x.d.Elder, Key: x.Item2, Status: (int)r.StatusCode,
                            Id: r.IsSuccessStatusCode ? (await r.ReadJson()).GetProperty("id").GetGuid() : Guid.Empty);
                    await Task.Delay(200);
                }
            }).ToList();
        var answers = await Task.WhenAll(sends);
        Assert.All(answers, a => Assert.True(a.Status is 200 or 201, $"got {a.Status}"));
        Assert.Equal(30, answers.Count(a => a.Status == 201));
        await using var scope = app.Scope(out var db);
        var elders = devices.Select(d => d.Elder).ToList();
        var stored = await db.Alarms.Where(a => elders.Contains(a.ElderId)).Select(a => new { a.ElderId, a.IdempotencyKey, a.Id }).ToListAsync();
        Assert.Equal(30, stored.Count);
        foreach (var a in answers)
            Assert.Equal(stored.Single(s => s.ElderId == a.Elder && s.IdempotencyKey == a.Key).Id, a.Id);
    }
}
