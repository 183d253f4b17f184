using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Users;

/// <summary>
/// A confirmation page about one user (停用, 重置密码; works without JavaScript): the GET shows whom the act is about, the
/// POST reads them again before acting; a user who is not there is the not-found panel.
/// </summary>
public abstract class UserConfirmationModel(AppDbContext db, FieldProtector protector) : OutcomePageModel
{
    protected AppDbContext Db => db;
    protected FieldProtector Protector => protector;

    public UserResource? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Reads the user into <see cref="Target"/>; the not-found panel when there is none.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var target = await GetUser.Handle(id, db, protector, ct);
        if (!target.IsOk) return Missing(target.Message);
        Target = target.Value!;
        return null;
    }
}
