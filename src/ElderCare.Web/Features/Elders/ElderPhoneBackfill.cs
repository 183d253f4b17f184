using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// At start, once: the phone blind index for elders stored before it existed (<see cref="ElderPhone.BackfillAsync"/>).
/// Waits for a migrated database and does nothing when every phone has its index, so every start may run it.
/// </summary>
public sealed class ElderPhoneBackfill(IServiceScopeFactory scopes, ILogger<ElderPhoneBackfill> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await scope.ServiceProvider.GetRequiredService<DatabaseState>().IsReadyAsync(db, stoppingToken)) return;
            var filled = await ElderPhone.BackfillAsync(db, scope.ServiceProvider.GetRequiredService<FieldProtector>(), stoppingToken);
            if (filled > 0) log.LogInformation("已为 {Count} 位老年人补建电话检索索引", filled);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (Infrastructure.Errors.DatabaseUnavailable.Is(e) || e is Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The next start tries again; search by phone misses only the rows not yet indexed.
            log.LogWarning(e, "电话检索索引补建未完成，下次启动时继续");
        }
    }
}
