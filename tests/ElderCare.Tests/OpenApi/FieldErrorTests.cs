using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Tests.OpenApi;

/// <summary>
/// ADR 25: a body field that cannot hold its value is a 400 naming the field; its message comes from the field's type,
/// found through the body type's JSON type information (never the serializer's English message): an enum lists every
/// accepted value, other types say what they take.
/// </summary>
public class JsonFieldTests
{
    [Fact]
    public void The_type_of_a_field_is_found_along_the_path_through_objects_arrays_and_nullables()
    {
        Assert.Equal(typeof(ElderCare.Web.Features.Alarms.DeviceKind),
            JsonFields.TypeAt(typeof(ElderCare.Web.Features.Alarms.RegisterDevice.Input), "$.kind", Http.Json));
        Assert.Equal(typeof(ElderCare.Web.Features.Facilities.Zone),
            JsonFields.TypeAt(typeof(ElderCare.Web.Features.Facilities.FacilityInput), "$.zones[1]", Http.Json));
        Assert.Equal(typeof(int), JsonFields.TypeAt(typeof(ElderCare.Web.Features.Facilities.FacilityInput), "$.beds.total", Http.Json));
        Assert.Null(JsonFields.TypeAt(typeof(ElderCare.Web.Features.Facilities.FacilityInput), "$.noSuchField", Http.Json));
        Assert.Null(JsonFields.TypeAt(typeof(ElderCare.Web.Features.Facilities.FacilityInput), null, Http.Json));
    }

    [Fact]
    public void An_enum_lists_its_values_as_the_API_writes_them() =>
        Assert.Equal("取值无效，可选：first、routine、immediate、review、other。",
            JsonFields.Message(typeof(ElderCare.Web.Features.Assessments.AssessmentReason)));

    [Fact]
    public void Other_types_say_what_they_take()
    {
        Assert.Equal("须为整数。", JsonFields.Message(typeof(int)));
        Assert.Equal("须为日期（yyyy-MM-dd）。", JsonFields.Message(typeof(DateOnly)));
        Assert.Equal("值的格式或取值无效。", JsonFields.Message(null));
    }
}

[Collection(nameof(SharedApp))]
public class FieldErrorTests(AppFactory app)
{
    [Fact]
    public async Task An_unknown_device_kind_names_the_field_and_lists_the_kinds()
    {
        var elder = await app.Staff.NewElder();
        var r = await app.Staff.PostJson("/api/devices", new { elderId = elder, kind = "toaster", serial = "FE-1" });
        Assert.Equal("取值无效，可选：one-key-terminal、smart-watch、fall-detector、smoke-detector、gas-detector、door-sensor。",
            await r.AssertFieldError("kind"));
    }

    [Fact]
    public async Task An_unknown_assessment_reason_names_the_field_and_lists_the_reasons()
    {
        var elder = await app.Staff.NewElder();
        var r = await app.Staff.PostJson($"/api/elders/{elder}/assessments", new { assessedOn = "2026-11-20", reason = "whenever" });
        Assert.Equal("取值无效，可选：first、routine、immediate、review、other。", await r.AssertFieldError("reason"));
    }

    [Fact]
    public async Task An_unknown_value_inside_an_array_names_the_array_and_lists_the_values()
    {
        var r = await app.Staff.PostJson("/api/facilities", new { name = "测试", zones = new[] { "dining", "moon" } });
        Assert.StartsWith("取值无效，可选：", await r.AssertFieldError("zones"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_says_what_the_field_takes()
    {
        var r = await app.Staff.PostJson("/api/facilities", new { name = "测试", beds = new { total = "many" } });
        Assert.Equal("须为整数。", await r.AssertFieldError("beds.total"));
        var date = await app.Staff.PostJson("/api/facilities", new { name = "测试", statusDate = "yesterday" });
        Assert.Equal("须为日期（yyyy-MM-dd）。", await date.AssertFieldError("statusDate"));
    }
}
