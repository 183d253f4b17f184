using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Audit;

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
}

public sealed record AuditRecord(Guid? UserId, string? UserName, string Action, string? Target, string Outcome, string? Address,
    string? Detail = null);

/// <summary>
/// Appends to the hash chain. Appends are serialised: in process by a gate, across PostgreSQL nodes by locking the
/// chain head row. Each append is its own transaction, so the trail survives a failed business write.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(AuditRecord record)
    {
        await _gate.WaitAsync();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var head = db.Database.IsNpgsql()
                ? await db.AuditHeads.FromSqlRaw("SELECT * FROM \"AuditHeads\" WHERE \"Id\" = 1 FOR UPDATE").FirstOrDefaultAsync()
                : await db.AuditHeads.FirstOrDefaultAsync(h => h.Id == 1);
            if (head is null)
            {
                head = new AuditHead { LastSequence = 0, LastHash = AuditChain.Genesis };
                db.AuditHeads.Add(head);
            }
            var facts = new AuditFacts(head.LastSequence + 1, AuditChain.AsStored(clock.UtcNow()), record.UserName, record.Action,
                Clip(record.Target, 300), record.Outcome, Clip(record.Address, 64), Clip(record.Detail, 1000));
            var hash = AuditChain.Hash(head.LastHash, facts);
            db.AuditEntries.Add(new AuditEntry
            {
                Sequence = facts.Sequence, At = facts.At, UserId = record.UserId, UserName = facts.UserName, Action = facts.Action,
                Target = facts.Target, Outcome = facts.Outcome, Address = facts.Address, Detail = facts.Detail,
                PreviousHash = head.LastHash, Hash = hash,
            });
            head.LastSequence = facts.Sequence;
            head.LastHash = hash;
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
