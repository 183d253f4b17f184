using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Infrastructure;

/// <summary>Each provider's context with its model built and no database opened: for tests of the model itself.</summary>
public static class OfflineModels
{
    public static AppDbContext Sqlite() =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    public static AppDbContext Postgres() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=unused").Options);
}
