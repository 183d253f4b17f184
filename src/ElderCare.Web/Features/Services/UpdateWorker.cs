using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Edits a worker in scope with the checks of registering (<see cref="RegisterWorker.Check"/>): the whole record is replaced
/// (qualifications, certificates, regions, weekly slots, base, linked caregiver user), except that an empty phone keeps
/// the stored one (it is shown masked). Without slots the worker works the default week; an empty user name unlinks.
/// Orders already assigned keep their worker.
/// </summary>
public static class UpdateWorker
{
    public sealed record Input(Guid? ProviderId, string? Name, string? Phone, WorkerKind? Kind, List<string>? Qualifications,
        List<CertificateResource>? Certificates, List<string>? RegionCodes, List<SlotResource>? Availability,
        double? BaseLatitude, double? BaseLongitude, string? UserName, bool? Active = null);

    public static async Task<Outcome<WorkerResource>> Handle(Guid id, Input input, DataScope scope, AppDbContext db, FieldProtector protector,
        ServiceOptions options, CancellationToken ct)
    {
        var worker = await db.Workers.InScope(scope, db).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (worker is null || scope.Kind == ScopeKind.Own) return Outcome<WorkerResource>.NotFound("未找到该服务人员。");
        var registering = new RegisterWorker.Input(input.ProviderId ?? worker.ProviderId, input.Name, input.Phone, input.Kind,
            input.Qualifications, input.Certificates, input.RegionCodes, input.Availability, input.BaseLatitude, input.BaseLongitude,
            input.UserName);
        var (errors, c) = await RegisterWorker.Check(registering, scope, db, worker, ct);
        if (errors.Any) return Outcome<WorkerResource>.Invalid(errors);
        c!.ApplyTo(worker, protector);
        if (worker.Availability.Count == 0) worker.Availability = [.. RegisterWorker.DefaultAvailability(options)];
        if (input.Active is { } active) worker.Active = active;
        await db.SaveChangesAsync(ct);
        return WorkerResource.From(worker, protector);
    }
}
