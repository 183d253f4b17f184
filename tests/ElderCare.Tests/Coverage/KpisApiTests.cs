using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Coverage;

/// <summary>KPIs on a database of their own, so the values are exactly those of the facilities created here.</summary>
public class KpisApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _http = app.Staff;

    [Fact]
    public async Task Kpis_are_computed_over_facilities_operating_on_the_date()
    {
        await _http.PostJson("/api/facilities", Make.Facility(name: "KPI 医养结合中心", regionCode: Make.Changyuan, mode: OperationMode.Government,
            beds: new BedsResource(100, 60, 0), medicalCare: new MedicalCareResource(MedicalCareMode.Integrated, "荣昌区人民医院"),
                openedOn: new DateOnly(2021, 1, 1)));
        await _http.PostJson("/api/facilities", Make.Facility(name: "KPI 镇中心", type: FacilityType.TownCenter, regionCode: "500153010", floorArea: 900,
            beds: new BedsResource(50, 10, 0), medicalCare: new MedicalCareResource(MedicalCareMode.None, null), openedOn: new DateOnly(2030, 1, 1),
            status: FacilityStatus.Operating));

        var kpis = (await (await _http.GetAsync("/api/kpis?asOf=2022-12-31")).ReadJson()).EnumerateArray()
            .ToDictionary(k => k.GetProperty("key").GetString()!);
        Assert.Equal(12, kpis.Count);
        // Only the street centre is operating at the end of 2022 (the town centre opens in 2030).
        Assert.Equal(0.6, kpis["nursing-bed-share"].GetProperty("value").GetDouble());
        Assert.True(kpis["nursing-bed-share"].GetProperty("met").GetBoolean());
        Assert.Equal(0.5, kpis["nursing-bed-share"].GetProperty("target").GetDouble());
        Assert.Equal("2022-12-31", kpis["nursing-bed-share"].GetProperty("deadline").GetString());
        Assert.Equal(1, kpis["medical-care-institutions"].GetProperty("value").GetDouble());
        Assert.False(kpis["medical-care-institutions"].GetProperty("met").GetBoolean());
        Assert.Equal(0, kpis["socialized-operation-urban"].GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, kpis["socialized-operation-rural"].GetProperty("value").ValueKind);
        Assert.Equal(Math.Round(1.0 / 6, 4), kpis["street-center-coverage"].GetProperty("value").GetDouble());
        Assert.Equal(0, kpis["town-center-coverage"].GetProperty("value").GetDouble());
        Assert.Equal("具备医养服务能力的设施比例", kpis["medical-care-capability"].GetProperty("name").GetString());
        // 二(四): the 15-minute circle's target is a placeholder (待确认, ADR 23).
        Assert.True(kpis["priority-elders-in-circle"].GetProperty("placeholderTarget").GetBoolean());
    }
}
