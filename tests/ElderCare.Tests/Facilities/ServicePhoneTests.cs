using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Facilities;

/// <summary>服务电话 and 开放时间, the facility's public contact facts shown on the public map (二(四)).</summary>
public class ServicePhoneTests
{
    // Rule: 服务电话 is a landline with area code or a mobile — digits and hyphens only, 7–20 characters,
    // starting and ending with a digit.
    [Theory]
    [InlineData("023-46721234")]
    [InlineData("46721234")]
    [InlineData("13812345678")]
    [InlineData("4008-123-456")]
    [InlineData("1234567")]
    [InlineData("12345678901234567890")]
    public void A_landline_or_mobile_of_digits_and_hyphens_is_a_service_phone(string phone) =>
        Assert.True(FacilityValidation.IsServicePhone(phone));

    [Theory]
    [InlineData("123456")]                // 6 characters: too short
    [InlineData("123456789012345678901")] // 21 characters: too long
    [InlineData("023 46721234")]          // a space
    [InlineData("(023)46721234")]         // brackets
    [InlineData("+86-13812345678")]       // a plus
    [InlineData("-023-4672123")]          // starts with a hyphen
    [InlineData("023-4672123-")]          // ends with a hyphen
    [InlineData("０２３-46721234")]        // full-width digits
    [InlineData("电话023-4672123")]
    public void Anything_else_is_refused(string phone) => Assert.False(FacilityValidation.IsServicePhone(phone));

    [Fact]
    public void The_limits_are_7_to_20_characters_and_opening_hours_at_most_60() =>
        Assert.Equal((7, 20, 60), (FacilityValidation.ServicePhoneMin, FacilityValidation.ServicePhoneMax, FacilityValidation.OpeningHoursMax));
}
