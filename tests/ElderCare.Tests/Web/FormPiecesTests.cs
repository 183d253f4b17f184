using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Tests.Web;

/// <summary>The form pieces the elder, facility and meal-site forms share: the position fields and the region select.</summary>
public class FormPiecesTests
{
    [Fact]
    public void 经纬度同时填写_得到位置()
    {
        var errors = new FieldErrors();
        var location = new LocationFields { Lat = "29.4048", Lng = "105.5942" }.Read(errors);
        Assert.False(errors.Any);
        Assert.Equal(29.4048, location!.Lat);
        Assert.Equal(105.5942, location.Lng);
    }

    [Fact]
    public void 经纬度都不填_没有位置也没有错误()
    {
        var errors = new FieldErrors();
        Assert.Null(new LocationFields().Read(errors));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("29.4", null, "location.lng")]
    [InlineData(null, "105.6", "location.lat")]
    public void 经纬度请同时填写_或都不填(string? lat, string? lng, string field)
    {
        var errors = new FieldErrors();
        Assert.Null(new LocationFields { Lat = lat, Lng = lng }.Read(errors));
        Assert.Contains(errors.Entries, e => e.Key == field && e.Value.Contains("经纬度请同时填写，或都不填。"));
    }

    [Fact]
    public void 位置写回表单_与读入互逆()
    {
        var fields = LocationFields.Of(new ElderCare.Web.Infrastructure.Web.LocationResource(29.4048, 105.5942));
        Assert.Equal(("29.4048", "105.5942"), (fields.Lat, fields.Lng));
        Assert.Equal(("", ""), (LocationFields.Of(null).Lat, LocationFields.Of(null).Lng));
    }

    [Fact]
    public void 区域选择_每个街道或镇带其下的社区和行政村()
    {
        RegionResource R(string code, RegionKind kind, string? parent) => new(code, code, kind, parent, null, null, null, null);
        var choices = RegionChoice.Of(
        [
            R("500153", RegionKind.District, null),
            R("500153001", RegionKind.Street, "500153"),
            R("500153001001", RegionKind.Community, "500153001"),
            R("500153101", RegionKind.Town, "500153"),
            R("500153101201", RegionKind.Village, "500153101"),
            R("500153101202", RegionKind.Village, "500153101"),
        ]);
        Assert.Equal(["500153001", "500153101"], choices.Select(c => c.Unit.Code));
        Assert.Equal(["500153001001"], choices[0].Children.Select(c => c.Code));
        Assert.Equal(["500153101201", "500153101202"], choices[1].Children.Select(c => c.Code));
    }
}
