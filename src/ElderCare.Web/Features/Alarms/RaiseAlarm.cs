using System.Security.Cryptography;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// Alarm intake (接警). The alarm is committed before the answer (SQLite: synchronous=FULL, ADR 11), so a 2xx means
/// stored. The same idempotency key from the same source finds the stored alarm and adds nothing; with another body
/// it is refused (422). The elder's family contacts are queued in the outbox in the same transaction.
/// </summary>
public static class RaiseAlarm
{
    public sealed record Input(AlarmKind? Kind, DateTimeOffset? OccurredAt, LocationResource? Location, Guid? ElderId, string? Note);

    /// <summary>Who raises: a device (its elder), or a staff member entering a hotline call (12349) for an elder.
    /// <paramref name="DeviceElder"/>: the device's elder, read with the device (<see cref="DeviceAuth"/>, ADR 32);
    /// <paramref name="Subscribers"/>: empty when that query found no active webhook subscription, else null (read when queuing).</summary>
    public sealed record Caller(Device? Device, CurrentUser? Staff, ElderOnFile? DeviceElder = null,
        IReadOnlyList<Outbound.OutboundEvents.Subscriber>? Subscribers = null)
    {
        public string Source => Device is { } d ? $"device:{d.Id:N}" : $"user:{Staff!.Id:N}";
    }

    public enum Result { Created, Replayed, KeyReused, RateLimited }

    /// <summary>What an alarm takes from its elder: the name for the family notice, where the elder lives, the contacts.</summary>
    public sealed record ElderOnFile(Guid Id, string Name, string RegionCode, string UnitCode, List<EmergencyContact> EmergencyContacts);

    // A compiled query: the per-alarm lookups skip EF Core's query cache lookup (ADR 32: intake cost per alarm).
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<ElderOnFile?>> ElderById =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Elders.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new ElderOnFile(e.Id, e.Name, e.RegionCode, e.UnitCode, e.EmergencyContacts)).FirstOrDefault());

    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<Alarm?>> AlarmByKey =
        EF.CompileAsyncQuery((AppDbContext db, string source, string key, CancellationToken ct) =>
            db.Alarms.AsNoTracking().FirstOrDefault(a => a.Source == source && a.IdempotencyKey == key));

    public sealed record Answer(Outcome<AlarmResource> Outcome, Result Result, int RetryAfterSeconds = 0);

    /// <summary>A device may report up to this long after the fact (buffered while offline), and clocks drift a little.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static FieldErrors Validate(Input? input, string? idempotencyKey, Caller caller, DateTime now)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(idempotencyKey))
            errors.Add("idempotencyKey", "缺少 Idempotency-Key 请求头：每次报警带一个唯一键，重试时原样再带。");
        else if (idempotencyKey.Length > 100 || idempotencyKey.Any(c => c < 0x21 || c > 0x7e))
            errors.Add("idempotencyKey", "Idempotency-Key 应为不超过 100 个字符的可见 ASCII 字符。");
        if (input is null) return errors.Add("body", "缺少请求体。");
        errors.AddIf(input.Kind is null, "kind", "请填写报警类型：sos、fall、smoke、gas、inactivity 或 heart-rate。");
        if (input.OccurredAt is not { } at) errors.Add("occurredAt", "请填写报警发生时间（ISO 8601，带时区）。");
        else
        {
            errors.AddIf(at.UtcDateTime > now + MaxSkew, "occurredAt", "报警发生时间晚于当前时间。");
            errors.AddIf(at.UtcDateTime < now - MaxAge, "occurredAt", "报警发生时间早于 7 天前。");
        }
        if (input.Location is { } l) errors.CheckLocation(l.Lat, l.Lng);
        if (caller.Device is not null)
            errors.AddIf(input.ElderId is { } e && e != caller.Device.ElderId, "elderId", "设备只能为其登记的老年人报警。");
        else
            errors.AddIf(input.ElderId is null, "elderId", "电话接警须填写老年人。");
        errors.AddIf(input.Note?.Length > 500, "note", "备注不超过 500 字。");
        return errors;
    }

    /// <summary>The meaning of a request: the same key must carry the same kind, time, place, elder and note.</summary>
    public static string HashOf(Input input, Guid elderId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            input.Kind, input.OccurredAt!.Value.UtcDateTime.Ticks, input.Location?.Lat.ToString("R"), input.Location?.Lng.ToString("R"),
            elderId, input.Note?.Trim()))));

    public static async Task<Answer> Handle(Input? input, string? idempotencyKey, Caller caller,
        AppDbContext db, DeviceRateLimiter limiter, AlarmWriteGate gate, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var errors = Validate(input, idempotencyKey, caller, now);
        if (input is not null) input = input with { Note = errors.Text(input.Note, "note", "备注", FreeText.Note, multiLine: true) };
        if (errors.Any) return new(Outcome<AlarmResource>.Invalid(errors), Result.Created);
        var elderId = caller.Device?.ElderId ?? input!.ElderId!.Value;
        var source = caller.Source;
        var hash = HashOf(input!, elderId);

        // ADR 32: no look for a stored alarm before the insert — the unique index on (source, key) finds a replay, which
        // is then answered from the stored alarm (below); a device refused by its rate limit is answered the same way.
        var elder = caller.DeviceElder ?? await ElderById(db, elderId, ct);
        if (elder is null) return new(Outcome<AlarmResource>.NotFound("未找到该老年人。"), Result.Created);
        var station = caller.Device is { } d ? d.StationId : await AlarmQueries.StationOf(elder.RegionCode, elder.UnitCode, db, ct);
        if (caller.Staff is { } staff && !(staff.Scope.Covers(elder.RegionCode) || station is { } s && staff.Scope.FacilityIds.Contains(s)))
            return new(Outcome<AlarmResource>.NotFound("未找到该老年人。"), Result.Created);

        var charged = false;
        if (caller.Device is { } device && !limiter.TryTake(device.Id, idempotencyKey!, out var wait, out charged))
            return await Replay(db, source, idempotencyKey!, hash, ct)
                   ?? new(Outcome<AlarmResource>.Conflict("该设备报警过于频繁，请稍后再试；已收到的报警不受影响。"), Result.RateLimited,
                       (int)Math.Ceiling(wait.TotalSeconds));

        var alarm = new Alarm
        {
            Source = source, IdempotencyKey = idempotencyKey!, RequestHash = hash, ElderId = elderId, DeviceId = caller.Device?.Id,
            Kind = input!.Kind!.Value, OccurredAt = input.OccurredAt!.Value.UtcDateTime, RaisedAt = now,
            Latitude = input.Location?.Lat, Longitude = input.Location?.Lng, RegionCode = elder.RegionCode, UnitCode = elder.UnitCode,
            StationId = station, Status = AlarmStatus.Raised, Note = input.Note?.Trim(),
        };
        var notifications = elder.EmergencyContacts.Select(c => new AlarmNotification
            {
                AlarmId = alarm.Id, Recipient = c.Name, PhoneProtected = c.PhoneProtected, CreatedAt = now, NextAttemptAt = now,
                Message = $"【荣昌区智慧养老】{elder.Name}于{input.OccurredAt.Value.ToOffset(ChinaClock.Offset):M月d日HH:mm}"
                          + $"发出{AlarmLabels.Of(alarm.Kind)}报警，平台正在处置。",
            }).ToList();
        try
        {
            var outbound = await Outbound.DomainEvents.AlarmRaisedAsync(db, alarm, now, ct, caller.Subscribers); // alarm.raised (ADR 29)
            await gate.SaveAsync(db, alarm, notifications, ct, outbound);
        }
        catch (DbUpdateException)
        {
            // The key is stored already (a retry, or a concurrent copy that won the unique index): answer with its alarm.
            db.ChangeTracker.Clear();
            if (await Replay(db, source, idempotencyKey!, hash, ct) is not { } stored) throw;
            if (charged) limiter.Refund(caller.Device!.Id);
            return stored;
        }
        return new(AlarmResource.From(alarm), Result.Created);
    }

    private static async Task<Answer?> Replay(AppDbContext db, string source, string key, string hash, CancellationToken ct)
    {
        if (await AlarmByKey(db, source, key, ct) is not { } existing) return null;
        return existing.RequestHash == hash
            ? new(AlarmResource.From(existing), Result.Replayed)
            : new(Outcome<AlarmResource>.Invalid("idempotencyKey", "该 Idempotency-Key 已用于另一条内容不同的报警；新的报警请换一个键。"), Result.KeyReused);
    }
}
