using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Tests.Web;

/// <summary>
/// Money typed on a page in 元 becomes 分 and a factor becomes ‰, exactly, never through floating point ("Amounts in
/// fen (integers), never floating point"); a figure with more places than the unit holds is refused, not rounded.
/// </summary>
public class ScaledFormValueTests
{
    [Theory]
    [InlineData("40000", 2, 4_000_000L)]
    [InlineData("27,000.50", 2, 2_700_050L)]
    [InlineData("0.01", 2, 1L)]
    [InlineData(" 0.9 ", 3, 900L)]
    [InlineData("1.1", 3, 1_100L)]
    public void A_figure_within_its_places_is_scaled_exactly(string text, int decimals, long expected)
    {
        var errors = new FieldErrors();
        Assert.Equal(expected, FormValues.Scaled(text, decimals, "amountFen", errors, "40000"));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("12.345", 2)]
    [InlineData("0.9005", 3)]
    [InlineData("四万", 2)]
    [InlineData("1e5", 2)]
    public void More_places_than_the_unit_holds_or_no_number_is_a_field_error(string text, int decimals)
    {
        var errors = new FieldErrors();
        Assert.Null(FormValues.Scaled(text, decimals, "amountFen", errors, "40000"));
        Assert.Contains("amountFen", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Empty_is_nothing_entered()
    {
        var errors = new FieldErrors();
        Assert.Null(FormValues.Scaled("  ", 2, "amountFen", errors, "40000"));
        Assert.False(errors.Any);
    }
}
