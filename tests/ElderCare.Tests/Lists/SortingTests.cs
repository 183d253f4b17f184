using ElderCare.Web.Features.Shared;

namespace ElderCare.Tests.Lists;

/// <summary>Shared/Sorting.cs: "a key from the URL that is not on the whitelist gives the list's default order".</summary>
public class SortingTests
{
    private sealed record Row(string Name, int Age, DateOnly Born);

    private static readonly SortKeys<Row> Keys = new SortKeys<Row>("name")
        .Add("name", r => r.Name)
        .Add("age", r => r.Born, inverted: true);

    private static readonly Row[] Rows =
    [
        new("乙", 80, new DateOnly(1946, 1, 1)), new("甲", 70, new DateOnly(1956, 1, 1)), new("丙", 90, new DateOnly(1936, 1, 1)),
    ];

    [Theory]
    [InlineData(null, null, "name", false)]
    [InlineData("", "desc", "name", false)]
    [InlineData("Name", "desc", "name", false)] // keys are exact: no case folding into another column
    [InlineData("IdNumberProtected", "asc", "name", false)] // never a column name passed on
    [InlineData("name); DROP TABLE", "desc", "name", false)]
    [InlineData("age", "desc", "age", true)]
    [InlineData("age", "DESC", "age", true)]
    [InlineData("age", "up", "age", false)] // any other direction is ascending
    [InlineData("age", null, "age", false)]
    public void An_unknown_key_gives_the_default_order(string? sort, string? dir, string key, bool descending) =>
        Assert.Equal(new Sort(key, descending), Keys.Resolve(sort, dir));

    [Fact]
    public void The_default_may_be_descending()
    {
        var keys = new SortKeys<Row>("age", defaultDescending: true).Add("age", r => r.Age);
        Assert.Equal(new Sort("age", true), keys.Resolve("nonsense", "asc"));
    }

    [Fact]
    public void An_inverted_key_orders_the_shown_column_age_by_the_birth_date_reversed()
    {
        var ascending = Keys.Apply(Rows.AsQueryable(), "age", "asc").Select(r => r.Age).ToList();
        Assert.Equal([70, 80, 90], ascending);
        var descending = Keys.Apply(Rows.AsQueryable(), "age", "desc").Select(r => r.Age).ToList();
        Assert.Equal([90, 80, 70], descending);
    }

    [Fact]
    public void Header_links_keep_the_filters_toggle_the_direction_and_mark_the_active_column()
    {
        var links = new ListLinks("/elders", [new("q", "张"), new("status", null)], new Sort("age", false), Keys.Default);
        var age = links.Header("年龄", "age");
        Assert.Equal("ascending", age.AriaSort);
        Assert.Equal("/elders?q=%E5%BC%A0&sort=age&dir=desc", age.Url);
        var name = links.Header("姓名", "name");
        Assert.Null(name.AriaSort);
        Assert.Equal("/elders?q=%E5%BC%A0", name.Url); // name ascending is the default: no sort in the URL
        Assert.Equal("/elders?q=%E5%BC%A0&sort=age&dir=asc&page=3", links.Page(3));
        Assert.Equal("/elders?q=%E5%BC%A0&sort=age&dir=asc&handler=export", links.Export());
    }

    [Fact]
    public void The_audit_detail_names_the_filters_given_and_whether_personal_data_was_in_full()
    {
        var query = new ElderCare.Web.Features.Elders.ListElders.Query
        {
            RegionCode = "500153001", Level = 2, NotAssessed = true, Q = " ", Page = 3, PageSize = 20, Sort = "age", Dir = "desc",
        };
        var detail = ListExport.Describe(query, 12, unmasked: false);
        Assert.Equal("筛选：regionCode=500153001, level=2, notAssessed=True, sort=age, dir=desc；12 行；个人信息脱敏", detail);
    }

    [Fact]
    public void More_rows_than_the_cap_are_refused_with_the_count()
    {
        Assert.Equal("筛选结果共 5,001 条，超过单次导出上限 5,000 条，请缩小筛选范围后再导出。", ListExport.TooMany(ListExport.MaxRows + 1));
        Assert.Equal("筛选结果共 10,001 条，超过单次导出上限 10,000 条，请缩小筛选范围后再导出。", ListExport.TooMany(10_001, 10_000));
    }
}
