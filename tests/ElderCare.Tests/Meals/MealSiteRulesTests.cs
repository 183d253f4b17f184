using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Meals;

/// <summary>The rules kitchens and dining points share, the 待确认 confirmation words (ADR 0023) and how meal states read.</summary>
public class MealSiteRulesTests
{
    [Fact]
    public void A_site_needs_a_name_of_at_most_200_characters_and_an_address_of_at_most_300()
    {
        var errors = new FieldErrors();
        Assert.Equal("", MealSiteChecks.NameAddressPosition(errors, "  ", null, null, "请填写厨房名称。"));
        Assert.Equal(["请填写厨房名称。"], errors.Entries.Single(e => e.Key == "name").Value);

        errors = new FieldErrors();
        MealSiteChecks.NameAddressPosition(errors, new string('厨', 201), new string('路', 301), null, "请填写厨房名称。");
        Assert.Equal(["名称不能超过 200 个字。"], errors.Entries.Single(e => e.Key == "name").Value);
        Assert.Equal(["地址不能超过 300 个字。"], errors.Entries.Single(e => e.Key == "address").Value);

        errors = new FieldErrors();
        Assert.Equal("昌元中央厨房", MealSiteChecks.NameAddressPosition(errors, " 昌元中央厨房 ", "海棠大道 1 号", null, "请填写厨房名称。"));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(91, 105.6, "location.lat")]
    [InlineData(-90.5, 105.6, "location.lat")]
    [InlineData(29.4, 181, "location.lng")]
    [InlineData(double.NaN, 105.6, "location.lat")]
    public void A_site_position_is_in_the_WGS84_range(double lat, double lng, string field)
    {
        var errors = new FieldErrors();
        MealSiteChecks.NameAddressPosition(errors, "助餐点", null, new LocationResource(lat, lng), "请填写助餐点名称。");
        Assert.Equal([field], errors.Entries.Select(e => e.Key));
    }

    [Fact]
    public void A_site_name_with_control_characters_is_refused_before_anything_else()
    {
        var (_, _, errors) = MealSiteChecks.CleanText("厨房\u0007", "地址", "厨房名称");
        Assert.Contains(errors.Entries, e => e.Key == "name");
        var (name, address, clean) = MealSiteChecks.CleanText("昌元中央厨房", "海棠大道 1 号", "厨房名称");
        Assert.False(clean.Any);
        Assert.Equal(("昌元中央厨房", "海棠大道 1 号"), (name, address));
    }

    [Fact]
    public void A_figure_confirmed_twice_says_when_and_by_whom_ADR_0023()
    {
        var at = new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal("该补贴标准已于 2026-11-29 由 admin 确认。", Placeholders.AlreadyConfirmed("该补贴标准", at, "admin"));
    }


    [Theory]
    [InlineData(MealOrderStatus.Ordered, "blue")]
    [InlineData(MealOrderStatus.Served, "green")]
    [InlineData(MealOrderStatus.Delivered, "green")]
    [InlineData(MealOrderStatus.Cancelled, "grey")]
    public void Order_states_read_in_their_colour(MealOrderStatus status, string tone) => Assert.Equal(tone, MealPageModel.Tone(status));

    [Theory]
    [InlineData(SampleState.Missing, "red")]
    [InlineData(SampleState.Short, "red")]
    [InlineData(SampleState.Kept, "blue")]
    [InlineData(SampleState.Done, "green")]
    public void A_missing_or_short_sample_reads_red(SampleState state, string tone) => Assert.Equal(tone, MealPageModel.Tone(state));

    [Fact]
    public void The_order_form_names_the_elder_the_way_of_eating_and_the_diet()
    {
        Assert.Equal("周德明（送餐）", MealOrdersModel.ElderLabel(new MealElderChoice(Guid.NewGuid(), "周德明", MealMode.Delivery, [])));
        Assert.Equal("陈秀兰（堂食，糖尿病餐（低糖））",
            MealOrdersModel.ElderLabel(new MealElderChoice(Guid.NewGuid(), "陈秀兰", MealMode.DineIn, [DietNeed.Diabetic])));
    }
}
