using ElderCare.Web.Infrastructure.OpenApi;

namespace ElderCare.Tests.OpenApi;

/// <summary>ADR 29: the document's conventions, applied to every endpoint without a declaration of its own.</summary>
public class OpenApiConventionTests
{
    [Fact]
    public void A_nested_type_is_named_with_its_use_case_and_a_page_with_its_item()
    {
        Assert.Equal("RegisterWorkerInput", SchemaNames.Of(typeof(ElderCare.Web.Features.Services.RegisterWorker.Input)));
        Assert.Equal("FacilityRowPage",
            SchemaNames.Of(typeof(ElderCare.Web.Infrastructure.Web.Paged<ElderCare.Web.Features.Facilities.FacilityRow>)));
        Assert.Equal("TokenResult", SchemaNames.Of(typeof(ElderCare.Web.Features.Account.AuthApi.TokenResult))); // nested in an …Api class
    }

    [Fact]
    public void A_name_two_features_share_is_prefixed_with_the_feature()
    {
        Assert.Equal("ServicesTransitionResource", SchemaNames.Of(typeof(ElderCare.Web.Features.Services.TransitionResource)));
        Assert.Equal("ReportsTransitionResource", SchemaNames.Of(typeof(ElderCare.Web.Features.Reports.TransitionResource)));
    }

    [Fact]
    public void An_anonymous_type_is_refused_with_a_message_that_says_what_to_do()
    {
        var anonymous = new { code = "1" }.GetType();
        Assert.Contains("请改用具名记录", Assert.Throws<InvalidOperationException>(() => SchemaNames.Of(anonymous)).Message);
    }

    [Theory]
    [InlineData("POST", "/api/facilities/{id:guid}/compliance", "postFacilitiesByIdCompliance")]
    [InlineData("GET", "/api/elders/import/errors/{token}.xlsx", "getEldersImportErrorsByTokenXlsx")]
    [InlineData("GET", "/health", "getHealth")]
    public void The_operationId_is_the_method_and_the_path(string method, string path, string id) =>
        Assert.Equal(id, OpenApiSetup.OperationId(method, path));

    [Fact]
    public void Enum_values_have_the_Chinese_names_the_pages_use()
    {
        var labels = EnumLabels.Of(typeof(ElderCare.Web.Features.Facilities.FacilityType))!;
        Assert.Equal("街道养老服务中心", labels["street-center"]);
        Assert.Equal(Enum.GetValues<ElderCare.Web.Features.Alarms.DeviceKind>().Length,
            EnumLabels.Of(typeof(ElderCare.Web.Features.Alarms.DeviceKind))!.Count);
    }
}
