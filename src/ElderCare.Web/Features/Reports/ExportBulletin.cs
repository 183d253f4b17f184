using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Reports;

/// <summary>The quarter's bulletin as an editable .docx (Open XML) for the leading group.</summary>
public static class ExportBulletin
{
    public sealed record File(byte[] Content, string Name);

    public static async Task<Outcome<File>> Handle(string? quarter, AppDbContext db, CancellationToken ct)
    {
        var bulletin = await GetBulletin.Handle(quarter, db, ct);
        if (!bulletin.IsOk) return Outcome<File>.Invalid(bulletin.Errors!);
        var b = bulletin.Value!;
        return new File(BulletinDocument.Write(b), $"养老服务全覆盖工作通报-{b.Quarter}.docx");
    }
}
