using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Meals;

namespace ElderCare.Tests.Meals;

/// <summary>PRACTICE.md 助餐: eaten within 2 h of cooking, 48 h sample retention, diet record, route order; meal subsidies per group.</summary>
public class MealRulesTests
{
    private static readonly DateTime Cooked = new(2026, 11, 29, 2, 30, 0, DateTimeKind.Utc); // 10:30 China time
    private static readonly MealOptions Options = new();

    [Theory]
    [InlineData(0, false)]
    [InlineData(90, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    [InlineData(200, true)]
    public void 出锅后2小时内食用_超过2小时的标出(int minutes, bool flagged) =>
        Assert.Equal(flagged, FoodSafety.TooLongAfterCooking(Cooked, Cooked.AddMinutes(minutes), Options.CookToEatLimit));

    [Fact]
    public void 出锅至食用的时限是配置_默认2小时()
    {
        Assert.Equal(TimeSpan.FromHours(2), new MealOptions().CookToEatLimit);
        Assert.True(FoodSafety.TooLongAfterCooking(Cooked, Cooked.AddMinutes(100), new MealOptions { CookToEatLimitHours = 1.5 }.CookToEatLimit));
    }

    [Fact]
    public void 食用的批次是就餐前最近出锅的同套餐或全部套餐批次()
    {
        var all = Batch(Cooked, null);
        var a = Batch(Cooked.AddMinutes(40), "A");
        var later = Batch(Cooked.AddHours(3), "A");
        Assert.Same(a, FoodSafety.BatchFor([all, a, later], "A", Cooked.AddHours(1)));
        Assert.Same(all, FoodSafety.BatchFor([all, a, later], "B", Cooked.AddHours(1)));
        Assert.Null(FoodSafety.BatchFor([a], "B", Cooked.AddHours(1)));
    }

    [Fact]
    public void 留样保存48小时_未留样的为未留样()
    {
        Assert.Equal(SampleState.Missing, FoodSafety.Retention(Batch(Cooked, null), Options.SampleRetention));
        Assert.Equal(SampleState.Kept, FoodSafety.Retention(Sampled(Cooked, keptHours: 48), Options.SampleRetention));
        Assert.Equal(SampleState.Done, FoodSafety.Retention(Sampled(Cooked, keptHours: 48, disposedHours: 48), Options.SampleRetention));
        Assert.Equal(SampleState.Done, FoodSafety.Retention(Sampled(Cooked, keptHours: 48, disposedHours: 50), Options.SampleRetention));
    }

    [Theory]
    [InlineData(47.9)]
    [InlineData(24)]
    [InlineData(0)]
    public void 留样不足48小时即处置的为留样不足(double disposedHours) =>
        Assert.Equal(SampleState.Short, FoodSafety.Retention(Sampled(Cooked, keptHours: 48, disposedHours: disposedHours), Options.SampleRetention));

    [Fact]
    public void 计划保存不足48小时的留样为留样不足() =>
        Assert.Equal(SampleState.Short, FoodSafety.Retention(Sampled(Cooked, keptHours: 24), Options.SampleRetention));

    [Fact]
    public void 糖尿病老人只适合标明适合糖尿病餐的套餐()
    {
        Assert.False(DietSuitability.Suits([DietNeed.Diabetic], []));
        Assert.False(DietSuitability.Suits([DietNeed.Diabetic], [DietNeed.LowSalt]));
        Assert.True(DietSuitability.Suits([DietNeed.Diabetic], [DietNeed.Diabetic, DietNeed.LowSalt]));
    }

    [Fact]
    public void 套餐须满足老人的每一项饮食需要_并说出未满足的()
    {
        Assert.Equal([DietNeed.Soft], DietSuitability.Unmet([DietNeed.Soft, DietNeed.LowSalt], [DietNeed.LowSalt]));
        Assert.True(DietSuitability.Suits([], []));
        Assert.True(DietSuitability.Suits([], [DietNeed.Soft]));
    }

    [Fact]
    public void 未指定套餐时选最便宜的合适套餐_没有合适的返回空()
    {
        MenuSet Set(string code, long price, params DietNeed[] suits) => new() { Code = code, Name = code, PriceFen = price, Suits = [.. suits] };
        var sets = new[] { Set("A", 900), Set("B", 1300, DietNeed.Diabetic, DietNeed.LowSalt), Set("C", 1100, DietNeed.Diabetic) };
        Assert.Equal("A", DietSuitability.Choose([], sets)!.Code);
        Assert.Equal("C", DietSuitability.Choose([DietNeed.Diabetic], sets)!.Code);
        Assert.Equal("B", DietSuitability.Choose([DietNeed.Diabetic, DietNeed.LowSalt], sets)!.Code);
        Assert.Null(DietSuitability.Choose([DietNeed.Soft], sets));
    }

    private static readonly Dictionary<MealSubsidyGroup, long> Rates = new()
    {
        [MealSubsidyGroup.ExtremePoverty] = 1300, [MealSubsidyGroup.Subsistence] = 600, [MealSubsidyGroup.Incapacitated] = 500,
        [MealSubsidyGroup.AdvancedAge] = 400, [MealSubsidyGroup.Elder] = 200,
    };

    private static IReadOnlyList<MealSubsidyGroup> GroupsOf(int age = 70, ElderCategory[]? categories = null, int? level = null) =>
        MealSubsidy.GroupsOf(new MealSubsidyFacts(age, categories ?? [], level));

    [Fact]
    public void 助餐补贴按群体_特困低保失能高龄和其他老年人()
    {
        Assert.Equal([MealSubsidyGroup.Elder], GroupsOf());
        Assert.Contains(MealSubsidyGroup.ExtremePoverty, GroupsOf(categories: [ElderCategory.ExtremePoverty]));
        Assert.Contains(MealSubsidyGroup.Subsistence, GroupsOf(categories: [ElderCategory.Subsistence]));
        Assert.Contains(MealSubsidyGroup.Incapacitated, GroupsOf(level: 2));
        Assert.DoesNotContain(MealSubsidyGroup.Incapacitated, GroupsOf(level: 1));
        Assert.Contains(MealSubsidyGroup.AdvancedAge, GroupsOf(age: 80));
        Assert.DoesNotContain(MealSubsidyGroup.AdvancedAge, GroupsOf(age: 79));
    }

    [Fact]
    public void 高龄和失能按生效的重点人群规则认定()
    {
        // A district edit (ADR 0018): 高龄 from 85, 失能 from level 3; the meal subsidy follows the rules in force (ADR 0023).
        var rules = ElderCare.Web.Features.Elders.PriorityGroups.Defaults(new DateOnly(2020, 1, 3)).ToList();
        rules.Single(r => r.Group == ElderCare.Web.Features.Elders.PriorityGroup.AdvancedAgeAlone).MinAge = 85;
        rules.Single(r => r.Group == ElderCare.Web.Features.Elders.PriorityGroup.Incapacitated).MinLevel = 3;
        IReadOnlyList<MealSubsidyGroup> By(int age, int? level) =>
            MealSubsidy.GroupsOf(new MealSubsidyFacts(age, [], level), ElderCare.Web.Features.Elders.LivingArrangement.WithFamily, rules);
        Assert.Equal([MealSubsidyGroup.Elder], By(84, 2));
        Assert.Equal([MealSubsidyGroup.Incapacitated, MealSubsidyGroup.AdvancedAge, MealSubsidyGroup.Elder], By(85, 3));
    }

    [Fact]
    public void 属于多类对象的按最高一档补贴_补贴加自付等于餐价()
    {
        var split = MealSubsidy.Split(1100, GroupsOf(age: 85, categories: [ElderCategory.Subsistence]), Rates);
        Assert.Equal(new MealSubsidySplit(MealSubsidyGroup.Subsistence, 600, 500), split);
        Assert.Equal(1100, split.SubsidyFen + split.OwnShareFen);
    }

    [Theory]
    [InlineData(900, 900, 0)]
    [InlineData(1300, 1300, 0)]
    [InlineData(1500, 1300, 200)]
    public void 补贴不超过餐价(long price, long subsidy, long own) =>
        Assert.Equal(new MealSubsidySplit(MealSubsidyGroup.ExtremePoverty, subsidy, own),
            MealSubsidy.Split(price, [MealSubsidyGroup.ExtremePoverty, MealSubsidyGroup.Elder], Rates));

    [Fact]
    public void 没有适用标准时无补贴_全部自付() =>
        Assert.Equal(new MealSubsidySplit(null, 0, 1100), MealSubsidy.Split(1100, [MealSubsidyGroup.Elder],
            new Dictionary<MealSubsidyGroup, long>()));

    [Fact]
    public void 补贴标准按执行日期_取当日已生效的最新一条()
    {
        var rates = new[]
        {
            new MealSubsidyRate { Group = MealSubsidyGroup.Elder, EffectiveFrom = new(2020, 1, 3), PerMealFen = 200, Source = "" },
            new MealSubsidyRate { Group = MealSubsidyGroup.Elder, EffectiveFrom = new(2027, 1, 1), PerMealFen = 300, Source = "" },
        };
        Assert.Equal(200, MealSubsidy.RatesOn(rates, new(2026, 12, 31))[MealSubsidyGroup.Elder]);
        Assert.Equal(300, MealSubsidy.RatesOn(rates, new(2027, 1, 1))[MealSubsidyGroup.Elder]);
        Assert.Empty(MealSubsidy.RatesOn(rates, new(2019, 1, 1)));
    }

    [Fact]
    public void 送餐顺序从助餐点出发每次去最近的下一户_无位置的排在最后()
    {
        // Points east of the start along a line: far, near, middle; the route goes near → middle → far.
        var far = new RouteStopPlace(Guid.NewGuid(), "远", 29.40, 105.63);
        var near = new RouteStopPlace(Guid.NewGuid(), "近", 29.40, 105.61);
        var middle = new RouteStopPlace(Guid.NewGuid(), "中", 29.40, 105.62);
        var unplaced = new RouteStopPlace(Guid.NewGuid(), "无位置", null, null);
        var route = RouteOrder.NearestNeighbour(29.40, 105.60, [unplaced, far, near, middle]);
        Assert.Equal(["近", "中", "远", "无位置"], route.Select(s => s.Name));
    }

    [Fact]
    public void 最近邻从上一站出发而不是从起点()
    {
        // From the start A (1 km east) is nearest; from A, C (1.2 km further east) is nearer than B (1.5 km west of start).
        var a = new RouteStopPlace(Guid.NewGuid(), "A", 29.40, 105.6103);
        var b = new RouteStopPlace(Guid.NewGuid(), "B", 29.40, 105.5845);
        var c = new RouteStopPlace(Guid.NewGuid(), "C", 29.40, 105.6227);
        Assert.Equal(["A", "C", "B"], RouteOrder.NearestNeighbour(29.40, 105.60, [b, c, a]).Select(s => s.Name));
    }

    [Fact]
    public void 距离按球面计算_经度0点01度在北纬29度约970米() =>
        Assert.InRange(Geo.DistanceMeters(29.4, 105.60, 29.4, 105.61), 960, 980);

    private static FoodBatch Batch(DateTime cooked, string? set) => new() { CookedAt = cooked, SetCode = set, RecordedBy = "t" };

    private static FoodBatch Sampled(DateTime cooked, double keptHours, double? disposedHours = null) => new()
    {
        CookedAt = cooked, RecordedBy = "t", SampleTakenAt = cooked.AddMinutes(5), SampleKeptUntil = cooked.AddMinutes(5).AddHours(keptHours),
        SampleDisposedAt = disposedHours is { } h ? cooked.AddMinutes(5).AddHours(h) : null,
    };

    [Fact]
    public void Only_an_uneaten_order_of_today_or_later_can_be_cancelled()
    {
        var today = new DateOnly(2026, 11, 29);
        Assert.Null(CancelMealOrder.Refusal(MealOrderStatus.Ordered, today, today));
        Assert.Null(CancelMealOrder.Refusal(MealOrderStatus.Ordered, today.AddDays(3), today));
        Assert.Equal("已过就餐日期的订餐不能取消。", CancelMealOrder.Refusal(MealOrderStatus.Ordered, today.AddDays(-1), today));
        Assert.Equal("该订餐已送达，不能取消。", CancelMealOrder.Refusal(MealOrderStatus.Delivered, today, today));
        Assert.Equal("该订餐已取消。", CancelMealOrder.Refusal(MealOrderStatus.Cancelled, today, today));
    }
}
