using System.Security.Cryptography;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The visit on the worker's phone: check-in (position and time; the elder's one-time code is issued), check-out
/// (position, time, notes; EVV runs), and the code the elder or family reads out. Positions and times come from the
/// phone; a time may be entered late (no signal in the village, <see cref="ServiceOptions.LateEntryHours"/>) but never
/// in the future.
/// </summary>
public static class RecordVisit
{
    /// <summary>
    /// A clock event: the position from the phone with its accuracy in metres, or typed by hand (<c>typedPosition</c>) with
    /// a <c>positionReason</c> — which flags the visit.
    /// </summary>
    public sealed record ClockInput(double? Lat, double? Lng, DateTimeOffset? At, double? Accuracy = null, bool? TypedPosition = null,
        string? PositionReason = null);

    /// <summary>
    /// Check-out: as <see cref="ClockInput"/>, with the notes, the reason for an off-plan duration, the checklist steps
    /// ticked (as the item lists them), and the elder's signature (a PNG, base64 or a data: URL) unless the code confirmed.
    /// </summary>
    public sealed record CheckOutInput(double? Lat, double? Lng, DateTimeOffset? At, string? Notes, string? DurationReason,
        double? Accuracy = null, bool? TypedPosition = null, string? PositionReason = null, List<string>? Checklist = null,
        string? Signature = null);

    public sealed record ConfirmInput(string? Code);

    public const int CodeDigits = 6;

    public static async Task<Outcome<OrderResource>> CheckIn(Guid id, ClockInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
        ServiceOptions options, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var errors = new FieldErrors();
        var at = When(input.At, null, options, clock, errors);
        Position(input.Lat, input.Lng, errors);
        var (typed, reason) = Source(input.TypedPosition, input.PositionReason, input.Accuracy, errors);
        if (errors.Any) return Outcome<OrderResource>.Invalid(errors);
        if (OrderLifecycle.Apply(order, OrderAction.CheckIn, at, user.UserName ?? "") is { } refusal) return Outcome<OrderResource>.Conflict(refusal);
        var proof = await ProofOf(order.Id, db, ct);
        proof.CheckInSource = typed ? PositionSource.Typed : PositionSource.Phone;
        proof.CheckInAccuracy = typed ? null : input.Accuracy;
        proof.CheckInReason = reason;
        order.CheckInAt = at;
        order.CheckInLatitude = input.Lat;
        order.CheckInLongitude = input.Lng;
        order.Late = VisitVerification.IsLate(order.WindowStart, at, options.LateAfterMinutes);
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, CodeDigits)).ToString(new string('0', CodeDigits),
            System.Globalization.CultureInfo.InvariantCulture);
        order.ConfirmCodeHash = CodeHash(protector, order.Id, code);
        order.ConfirmCodeProtected = protector.Protect(code);
        order.ConfirmAttempts = 0;
        order.Version++;
        await Outbound.DomainEvents.VisitCodeAsync(db, protector, order, code, clock.UtcNow(), ct); // outbound: the code by SMS (ADR 29)
        await db.SaveChangesAsync(ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }

    public static async Task<Outcome<OrderResource>> CheckOut(Guid id, CheckOutInput input, CurrentUser user, AppDbContext db, ServiceOptions options,
        TimeProvider clock, Evidence.IEvidenceStore store, Evidence.EvidenceOptions evidence, CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (!OrderLifecycle.Allows(order.Status, OrderAction.CheckOut))
            return Outcome<OrderResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.CheckOut));
        var errors = new FieldErrors();
        var at = When(input.At, order.CheckInAt, options, clock, errors);
        input = input with { Notes = errors.Text(input.Notes, "notes", "服务记录", FreeText.LongText, multiLine: true),
            DurationReason = errors.Text(input.DurationReason, "durationReason", "原因", FreeText.Reason, multiLine: true) };
        Position(input.Lat, input.Lng, errors);
        errors.AddIf(input.Notes?.Length > 1000, "notes", "服务记录不超过 1000 字。");
        errors.AddIf(input.DurationReason?.Length > 300, "durationReason", "原因不超过 300 字。");
        if (!errors.Any && order.CheckInAt is { } inAt
            && VisitVerification.DurationOffPlan((int)Math.Round((at - inAt).TotalMinutes), order.StandardMinutes, options.DurationToleranceMinutes)
            && string.IsNullOrWhiteSpace(input.DurationReason))
            errors.Add("durationReason", $"服务时长与标准 {order.StandardMinutes} 分钟相差 {options.DurationToleranceMinutes} 分钟及以上，请说明原因。");
        var (typed, reason) = Source(input.TypedPosition, input.PositionReason, input.Accuracy, errors);
        var steps = await GetChecklist.Steps(order.ItemCode, db, ct);
        var ticked = (input.Checklist ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        foreach (var unknown in VisitProofRules.Unknown(steps, ticked)) errors.Add("checklist", $"“{unknown}”不是该服务项目的操作步骤。");
        var signature = Signature(input.Signature, errors);
        if (VisitProofRules.ClosingProblem(order.ConfirmedAt is not null, signature is not null) is { } closing) errors.Add("signature", closing);
        if (errors.Any) return Outcome<OrderResource>.Invalid(errors);
        var proof = await ProofOf(order.Id, db, ct);
        if (signature is not null)
        {
            await using var png = new MemoryStream(signature);
            var stored = await AttachVisitPhoto.StoreAsync(order.Id, VisitAttachmentKind.Signature, png, "signature", user.UserName ?? "", db, store,
                evidence, clock, ct);
            if (!stored.IsOk) return Outcome<OrderResource>.Invalid(stored.Errors!);
            proof.SignatureId = stored.Value!.Id;
        }
        proof.CheckOutSource = typed ? PositionSource.Typed : PositionSource.Phone;
        proof.CheckOutAccuracy = typed ? null : input.Accuracy;
        proof.CheckOutReason = reason;
        proof.ChecklistSteps = steps;
        proof.ChecklistTicked = steps.Where(ticked.Contains).ToList();
        OrderLifecycle.Apply(order, OrderAction.CheckOut, at, user.UserName ?? "");
        order.CheckOutAt = at;
        order.CheckOutLatitude = input.Lat;
        order.CheckOutLongitude = input.Lng;
        order.Notes = input.Notes?.Trim();
        order.DurationReason = input.DurationReason?.Trim() is { Length: > 0 } r ? r : null;
        order.Version++;
        await Verify(order, db, options, ct, proof);
        await Outbound.DomainEvents.VisitVerifiedAsync(db, order, clock.UtcNow(), ct); // outbound: visit.verified (ADR 29)
        if (order.WorkerId is { } wid && await db.Workers.FirstOrDefaultAsync(w => w.Id == wid, ct) is { } worker)
        {
            worker.LastLatitude = input.Lat;
            worker.LastLongitude = input.Lng;
        }
        if (FollowUpSampling.Drawn(order.Id, options.FollowUpShare) && !await db.FollowUps.AnyAsync(f => f.OrderId == order.Id, ct))
            db.FollowUps.Add(new FollowUp { OrderId = order.Id, QueuedAt = clock.UtcNow() });
        await ServiceContacts.SaveAsync(db, order.ElderId, ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }

    public static async Task<Outcome<OrderResource>> Confirm(Guid id, ConfirmInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
        ServiceOptions options, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Confirm) || order.ConfirmCodeHash is null)
            return Outcome<OrderResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Confirm));
        if (order.ConfirmedAt is not null) return Outcome<OrderResource>.Conflict("该工单已确认。");
        if (order.ConfirmAttempts >= options.ConfirmationAttempts) return Outcome<OrderResource>.Conflict("确认码错误次数过多，已锁定，请联系服务站回访确认。");
        var code = input.Code?.Trim() ?? "";
        if (code.Length != CodeDigits || !code.All(char.IsAsciiDigit))
            return Outcome<OrderResource>.Invalid("code", $"请输入老年人或家属收到的 {CodeDigits} 位确认码。");
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeHash(protector, order.Id, code)),
                System.Text.Encoding.ASCII.GetBytes(order.ConfirmCodeHash)))
        {
            order.ConfirmAttempts++;
            await db.SaveChangesAsync(ct);
            return Outcome<OrderResource>.Invalid("code", $"确认码不正确（还可尝试 {Math.Max(0, options.ConfirmationAttempts - order.ConfirmAttempts)} 次）。");
        }
        order.ConfirmedAt = clock.UtcNow();
        order.ConfirmCodeProtected = null; // used: nothing left to tell the family
        order.Transitions.Add(new OrderTransition { Status = order.Status, At = order.ConfirmedAt.Value, By = user.UserName ?? "",
            Note = "老年人或家属已用确认码确认服务" });
        order.Version++;
        if (order.Status == OrderStatus.Completed) await Verify(order, db, options, ct);
        await Outbound.DomainEvents.VisitVerifiedAsync(db, order, clock.UtcNow(), ct); // outbound: visit.verified (ADR 29)
        await ServiceContacts.SaveAsync(db, order.ElderId, ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }

    /// <summary>The code for the family channel (staff read it to the family by phone; an SMS gateway later). Null once used.</summary>
    public static async Task<Outcome<string>> Code(Guid id, DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.Id == id)
            .Select(o => new { o.ConfirmCodeProtected, o.ConfirmedAt }).FirstOrDefaultAsync(ct);
        if (order is null) return Outcome<string>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (order.ConfirmCodeProtected is null) return Outcome<string>.NotFound(order.ConfirmedAt is null ? "服务人员签到后才生成确认码。" : "确认码已使用。");
        return protector.Unprotect(order.ConfirmCodeProtected)!;
    }

    /// <summary>Runs EVV on a completed order and stores the outcome with every reason.</summary>
    internal static async Task Verify(ServiceOrder order, AppDbContext db, ServiceOptions options, CancellationToken ct, VisitProof? proof = null)
    {
        proof ??= await db.VisitProofs.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == order.Id, ct);
        var home = await db.Elders.AsNoTracking().Where(e => e.Id == order.ElderId)
            .Select(e => new { e.Latitude, e.Longitude, e.RegionCode }).FirstAsync(ct);
        var kind = await db.Regions.AsNoTracking().Where(r => r.Code == home.RegionCode).Select(r => (RegionKind?)r.Kind).FirstOrDefaultAsync(ct);
        var radius = kind is RegionKind.Village or RegionKind.Town ? options.RuralGeofenceMeters : options.UrbanGeofenceMeters;
        var inAt = order.CheckInAt!.Value;
        var outAt = order.CheckOutAt!.Value;
        var others = order.WorkerId is { } wid
            ? await db.ServiceOrders.AsNoTracking().Where(o => o.WorkerId == wid && o.Id != order.Id && o.CheckInAt != null && o.CheckInAt < outAt
                    && (o.CheckOutAt == null ? o.Status == OrderStatus.InProgress : o.CheckOutAt > inAt))
                .Select(o => new { o.CheckInAt, o.CheckOutAt }).ToListAsync(ct)
            : [];
        var facts = new VisitFacts(home.Latitude is { } la && home.Longitude is { } lo ? new GeoPoint(la, lo) : null, radius, order.StandardMinutes,
            inAt, new GeoPoint(order.CheckInLatitude!.Value, order.CheckInLongitude!.Value), outAt,
                new GeoPoint(order.CheckOutLatitude!.Value, order.CheckOutLongitude!.Value),
            others.Select(o => (o.CheckInAt!.Value, o.CheckOutAt ?? outAt)).ToList(), order.ConfirmedAt is not null || proof?.SignatureId is not null,
            order.DurationReason);
        var flags = VisitVerification.Check(facts, options.DurationToleranceMinutes).ToList();
        // Phones in the field: a typed position and an incomplete checklist are flagged for an officer, never silently accepted.
        if (proof is not null)
        {
            if (VisitProofRules.TypedFlag(proof.CheckInReason, proof.CheckOutReason) is { } typedFlag) flags.Add(typedFlag);
            if (VisitProofRules.ChecklistFlagOf(proof.ChecklistSteps, proof.ChecklistTicked) is { } listFlag) flags.Add(listFlag);
        }
        order.Flags = [.. flags];
        order.Verification = flags.Count == 0 ? Verification.Verified : Verification.Flagged;
    }

    public static string CodeHash(FieldProtector protector, Guid orderId, string code) => protector.BlindIndex($"{orderId:N}:{code}")!;

    private static DateTime When(DateTimeOffset? at, DateTime? notBefore, ServiceOptions options, TimeProvider clock, FieldErrors errors)
    {
        var now = clock.UtcNow();
        var t = at?.UtcDateTime ?? now;
        errors.AddIf(t > now.AddMinutes(options.PhoneClockSkewMinutes), "at", "时间不能晚于现在。");
        errors.AddIf(t < now.AddHours(-options.LateEntryHours), "at", $"补录时间不能早于 {options.LateEntryHours} 小时前。");
        errors.AddIf(notBefore is { } nb && t <= nb, "at", "签退时间须晚于签到时间。");
        return t;
    }

    /// <summary>How the position was taken: typed (with its cleaned reason) or from the phone (with a plausible accuracy).</summary>
    private static (bool Typed, string? Reason) Source(bool? typedPosition, string? positionReason, double? accuracy, FieldErrors errors)
    {
        var typed = typedPosition == true;
        var reason = errors.Text(positionReason, "positionReason", "手工填写位置的原因", FreeText.Reason);
        if (VisitProofRules.PositionProblem(typed, reason) is { } problem) errors.Add("positionReason", problem);
        errors.AddIf(accuracy is { } m && (double.IsNaN(m) || m < 0 || m > 100_000), "accuracy", "定位精度应为 0 至 100000 米。");
        return (typed, typed ? reason?.Trim() : null);
    }

    /// <summary>The signature PNG's bytes from base64 or a data: URL; null when none was drawn.</summary>
    private static byte[]? Signature(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var data = text.Trim();
        const string prefix = "data:image/png;base64,";
        if (data.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) data = data[prefix.Length..];
        var bytes = new byte[data.Length];
        if (Convert.TryFromBase64String(data, bytes, out var n) && n > 0) return bytes[..n];
        errors.Add("signature", "签名图片无效（应为 PNG 图片的 base64 编码），请重新签名。");
        return null;
    }

    /// <summary>The visit's proof row, tracked (created when the visit has none yet).</summary>
    private static async Task<VisitProof> ProofOf(Guid orderId, AppDbContext db, CancellationToken ct)
    {
        var proof = db.VisitProofs.Local.FirstOrDefault(p => p.OrderId == orderId)
            ?? await db.VisitProofs.FirstOrDefaultAsync(p => p.OrderId == orderId, ct);
        if (proof is not null) return proof;
        proof = new VisitProof { OrderId = orderId };
        db.VisitProofs.Add(proof);
        return proof;
    }

    private static void Position(double? lat, double? lng, FieldErrors errors)
    {
        errors.AddIf(lat is null, "lat", "请提供有效的纬度（手机定位或手工填写）。");
        errors.AddIf(lng is null, "lng", "请提供有效的经度（手机定位或手工填写）。");
        errors.CheckLocation(lat, lng, "lat", "lng");
    }
}
