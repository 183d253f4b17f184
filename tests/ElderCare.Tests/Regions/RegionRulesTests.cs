using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Tests.Regions;

public class RegionRulesTests
{
    [Theory]
    [InlineData(RegionKind.Street, RegionKind.District, true)]
    [InlineData(RegionKind.Town, RegionKind.District, true)]
    [InlineData(RegionKind.Community, RegionKind.Street, true)]
    [InlineData(RegionKind.Village, RegionKind.Town, true)]
    [InlineData(RegionKind.Village, RegionKind.Street, true)]
    [InlineData(RegionKind.Community, RegionKind.District, false)]
    [InlineData(RegionKind.Street, RegionKind.Town, false)]
    [InlineData(RegionKind.Village, RegionKind.Community, false)]
    public void 区下设街道和镇_街道和镇下设社区和行政村(RegionKind child, RegionKind parent, bool allowed) =>
        Assert.Equal(allowed, Region.CanSitUnder(child, parent));

    [Theory]
    [InlineData("500153", null)]
    [InlineData("500153001", "500153001")]
    [InlineData("500153001203", "500153001")]
    public void 镇街取统计用区划代码前9位(string code, string? unit) => Assert.Equal(unit, Region.UnitOf(code));

    [Theory]
    [InlineData("$.floorArea", "floorArea")]
    [InlineData("$.beds.nursing", "beds.nursing")]
    [InlineData("$.zones[2]", "zones")]
    [InlineData("$", "")]
    public void JSON路径转为字段名(string path, string field) => Assert.Equal(field, ExceptionToProblem.FieldName(path));
}
