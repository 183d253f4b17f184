using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElderCare.Tests.Data;

/// <summary>The model conventions of <c>AppDbContext</c> (ADR 25), on both providers' models; no database is opened.</summary>
public class ModelConventionTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static AppDbContext Context(string provider) => provider == "sqlite" ? OfflineModels.Sqlite() : OfflineModels.Postgres();

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_single_guid_key_is_made_in_code_never_generated(string provider)
    {
        using var db = Context(provider);
        var keys = db.Model.GetEntityTypes().Where(e => !e.IsOwned())
            .Select(e => e.FindPrimaryKey()?.Properties).OfType<IReadOnlyList<IProperty>>()
            .Where(k => k is [{ ClrType: var t }] && t == typeof(Guid)).Select(k => k[0]).ToList();
        Assert.True(keys.Count > 50, $"only {keys.Count} entities with a Guid key found");
        Assert.All(keys, k =>
            Assert.True(k.ValueGenerated == ValueGenerated.Never, $"{k.DeclaringType.DisplayName()}.{k.Name} is {k.ValueGenerated}"));
        Assert.Equal(ValueGenerated.Never, db.Model.FindEntityType(typeof(EvaluationRound))!.FindPrimaryKey()!.Properties[0].ValueGenerated);
    }

    [Fact]
    public void A_new_child_with_its_key_set_in_a_tracked_graph_is_an_insert()
    {
        using var db = Context("sqlite");
        var facility = new Facility { Name = "测试中心", RegionCode = "500153001", UnitCode = "500153001" };
        db.Attach(facility);
        var change = new FacilityStatusChange { FacilityId = facility.Id, Status = FacilityStatus.Operating, On = new DateOnly(2026, 11, 1) };
        facility.StatusHistory.Add(change);
        db.ChangeTracker.DetectChanges();
        Assert.Equal(EntityState.Added, db.Entry(change).State);
    }
}
