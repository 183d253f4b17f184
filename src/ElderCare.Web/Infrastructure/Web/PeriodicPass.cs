using ElderCare.Web.Data;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// A background pass every <c>intervalSeconds</c> (0 = off; tests run the pass themselves): each pass in a scope of its
/// own, skipped while the database is not ready (ADR 16) and on every node but the leading one (ADR 32); a failed pass is
/// logged and the next one runs as usual.
/// </summary>
public abstract class PeriodicPass(IServiceScopeFactory scopes, double intervalSeconds, ILogger logger, string name) : BackgroundService
{
    protected abstract Task RunAsync(IServiceProvider services, AppDbContext db, CancellationToken ct);

    /// <summary>One pass now: false when skipped (database not ready, or another node leads).</summary>
    public async Task<bool> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await scope.ServiceProvider.GetRequiredService<DatabaseState>().IsReadyAsync(db, ct)) return false;
        if (!await scope.ServiceProvider.GetRequiredService<Cluster.Leadership>().TryLeadAsync(ct)) return false;
        await RunAsync(scope.ServiceProvider, db, ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (intervalSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(intervalSeconds));
        // Telemetry (ADR 32): how late each pass starts (a long pass delays the next) and a span per pass
        using var singletons = scopes.CreateScope();
        var metrics = singletons.ServiceProvider.GetRequiredService<Telemetry.ElderCareMetrics>();
        var clock = singletons.ServiceProvider.GetRequiredService<TimeProvider>();
        var previous = clock.GetUtcNow();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            metrics.ClockLag(name, now - previous - TimeSpan.FromSeconds(intervalSeconds));
            previous = now;
            try
            {
                using var span = Telemetry.ElderCareMetrics.Traces.StartActivity(name);
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Pass} failed; next pass in {Seconds} s", name, intervalSeconds);
            }
        }
    }
}
