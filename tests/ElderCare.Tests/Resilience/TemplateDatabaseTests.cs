using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Resilience;

/// <summary>
/// ADR 24: fixtures start on copies of one template database, yet each is a database of its own (ADR 16 tells
/// databases apart by identity) on which the app's start found the migrations applied and the seed loaded.
/// </summary>
public class TemplateDatabaseTests
{
    [Fact]
    public async Task Two_fixtures_get_databases_of_their_own_with_different_identities_and_the_seed_loaded_once()
    {
        await using var one = new AppFactory();
        await one.InitializeAsync();
        await using var two = new AppFactory();
        await two.InitializeAsync();

        var identities = new List<string?>();
        foreach (var app in new[] { one, two })
        {
            await using var scope = app.Scope(out var db);
            identities.Add(await DatabaseIdentity.ReadAsync(db, TestContext.Current.CancellationToken));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.Equal(22, await db.Regions.CountAsync(TestContext.Current.CancellationToken));
        }
        Assert.All(identities, Assert.NotNull);
        Assert.NotEqual(identities[0], identities[1]);

        // A write in one fixture is not seen by the other.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await one.Staff.PostJson("/api/facilities", Make.Facility(name: "只在一号库"))).StatusCode);
        await using var check = two.Scope(out var other);
        Assert.False(await other.Facilities.AnyAsync(f => f.Name == "只在一号库", TestContext.Current.CancellationToken));
    }
}
