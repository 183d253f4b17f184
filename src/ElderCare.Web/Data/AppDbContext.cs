using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data;

/// <summary>The one model. Each provider has a tiny subclass with its own migrations (Migrations/Sqlite, Migrations/Postgres).</summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<FacilityStatusChange> FacilityStatusChanges => Set<FacilityStatusChange>();
    public DbSet<ConstructionStandard> ConstructionStandards => Set<ConstructionStandard>();
    public DbSet<PlanLine> PlanLines => Set<PlanLine>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
