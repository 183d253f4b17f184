using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Tests.Services;

public class ProviderWorkerRulesTests
{
    [Theory]
    [InlineData("91500153MA5U8XKQ2C", true)]
    [InlineData("91500153ma5u8xkq2c", false)]
    [InlineData("91500153MA5U8XKQ2", false)]
    [InlineData("91500153MA5U8XKQ2I", false)]
    [InlineData("91500153MA5U8XKQ2O", false)]
    [InlineData("91500153MA5U8XKQ2Z", false)]
    [InlineData("91500153MA5U8XKQ2S", false)]
    [InlineData("91500153MA5U8XKQ2V", false)]
    public void Unified_social_credit_code_is_18_digits_or_capitals_without_I_O_Z_S_V(string code, bool valid)
    {
        var errors = new FieldErrors();
        RegisterProvider.CheckCreditCode(code, errors);
        Assert.Equal(!valid, errors.Any);
    }

    [Fact]
    public void A_provider_without_a_credit_code_is_not_refused_for_it()
    {
        var errors = new FieldErrors();
        RegisterProvider.CheckCreditCode(null, errors);
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_worker_without_slots_works_every_day_08_00_to_18_00()
    {
        var week = RegisterWorker.DefaultAvailability(new ServiceOptions());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], week.Select(s => s.Day));
        Assert.All(week, s => Assert.Equal((8 * 60, 18 * 60), (s.FromMinute, s.ToMinute)));
    }

    [Fact]
    public void The_default_working_hours_come_from_the_options()
    {
        var week = RegisterWorker.DefaultAvailability(new ServiceOptions { DefaultWorkdayStartHour = 7, DefaultWorkdayEndHour = 20 });
        Assert.All(week, s => Assert.Equal((7 * 60, 20 * 60), (s.FromMinute, s.ToMinute)));
    }
}
