using System.Text;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Web;

/// <summary>ADR 20: one rule for free text — NFC, trimmed, LF line ends; no control, format or separator characters
/// and no lone surrogates; length capped in code points.</summary>
public class FreeTextTests
{
    private static FreeText.Cleaned Clean(string? s, int max = 50, bool multiLine = false) => FreeText.Clean(s, max, multiLine);

    [Theory]
    [InlineData('\u0000')] // NUL
    [InlineData('\u0007')] // BEL
    [InlineData('\u001B')] // ESC
    [InlineData('\u007F')] // DEL
    [InlineData('\u0085')] // C1 NEL
    [InlineData('\u009B')] // C1 CSI
    public void Control_characters_C0_DEL_and_C1_are_refused(char c)
    {
        var r = Clean($"张{c}三");
        Assert.Equal(FreeText.Problem.Invisible, r.Problem);
        Assert.Equal(c, r.CodePoint);
    }

    [Theory]
    [InlineData('\u202A')] [InlineData('\u202B')] [InlineData('\u202C')] [InlineData('\u202D')] [InlineData('\u202E')]
    [InlineData('\u2066')] [InlineData('\u2067')] [InlineData('\u2068')] [InlineData('\u2069')]
    public void Bidirectional_overrides_and_isolates_U202A_to_202E_and_U2066_to_2069_are_refused(char c) =>
        Assert.Equal(FreeText.Problem.Invisible, Clean($"订单{c}备注").Problem);

    [Theory]
    [InlineData('\u200B')] [InlineData('\u200C')] [InlineData('\u200D')] [InlineData('\u200E')] [InlineData('\u200F')]
    [InlineData('\uFEFF')] [InlineData('\u00AD')] [InlineData('\u2060')]
    public void Zero_width_and_other_format_characters_Cf_are_refused(char c) =>
        Assert.Equal(FreeText.Problem.Invisible, Clean($"王{c}芳").Problem);

    [Theory]
    [InlineData('\u2028')] [InlineData('\u2029')]
    public void Line_and_paragraph_separators_U2028_and_U2029_are_refused_even_in_multi_line_text(char c) =>
        Assert.Equal(FreeText.Problem.Invisible, Clean($"第一行{c}第二行", 100, multiLine: true).Problem);

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // A high surrogate alone, a low surrogate alone, and a pair in the wrong order.
        foreach (var s in new[] { "\uD83D", "a\uDC00b", "\uDE00\uD83D" })
            Assert.Equal(FreeText.Problem.Invisible, Clean(s).Problem);
    }

    [Fact]
    public void A_single_line_field_refuses_line_feed_and_tab_inside_the_text()
    {
        Assert.Equal(FreeText.Problem.Invisible, Clean("张\n三").Problem);
        Assert.Equal(FreeText.Problem.Invisible, Clean("张\t三").Problem);
    }

    [Fact]
    public void A_multi_line_field_keeps_LF_and_TAB_and_turns_CRLF_and_CR_into_LF()
    {
        var r = Clean("上门测血压\r\n血压正常\r次日回访\t完毕", 100, multiLine: true);
        Assert.Equal(FreeText.Problem.None, r.Problem);
        Assert.Equal("上门测血压\n血压正常\n次日回访\t完毕", r.Value);
    }

    [Fact]
    public void Text_is_normalised_to_Unicode_NFC()
    {
        var decomposed = "Jose\u0301 e\u0301"; // e + combining acute
        var r = Clean(decomposed);
        Assert.Equal("Jos\u00E9 \u00E9", r.Value);
        Assert.True(r.Value!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Text_is_trimmed_of_white_space_including_the_ideographic_space_and_blank_becomes_empty()
    {
        Assert.Equal("李桂兰", Clean("\u3000 李桂兰 \t\n").Value);
        Assert.Equal("", Clean("  \u3000 ").Value);
        Assert.Null(Clean(null).Value);
    }

    [Fact]
    public void Caps_count_code_points_so_50_CJK_characters_fit_a_50_character_name_and_51_do_not()
    {
        Assert.Equal(FreeText.Problem.None, Clean(new string('张', 50), 50).Problem);
        Assert.Equal(FreeText.Problem.TooLong, Clean(new string('张', 51), 50).Problem);
    }

    [Fact]
    public void Caps_count_an_astral_character_as_one_although_it_is_two_UTF16_units()
    {
        var astral = string.Concat(Enumerable.Repeat("\U00020000", 50)); // 𠀀, CJK Extension B: 100 UTF-16 units
        Assert.Equal(100, astral.Length);
        Assert.Equal(FreeText.Problem.None, Clean(astral, 50).Problem);
        Assert.Equal(FreeText.Problem.TooLong, Clean(astral + "\U00020000", 50).Problem);
    }

    [Fact]
    public void Caps_apply_after_normalisation_and_trimming()
    {
        Assert.Equal(FreeText.Problem.None, Clean("  " + new string('a', 50) + "  ", 50).Problem);
        // 50 × (e + combining acute) is 100 code points typed, 50 after NFC.
        Assert.Equal(FreeText.Problem.None, Clean(string.Concat(Enumerable.Repeat("e\u0301", 50)), 50).Problem);
    }

    [Fact]
    public void Ordinary_Chinese_text_with_punctuation_digits_and_emoji_passes_unchanged()
    {
        const string text = "荣昌区昌元街道海棠路 8 号（2 单元）——请敲门😀";
        Assert.Equal(new FreeText.Cleaned(text, FreeText.Problem.None), Clean(text, 200));
    }

    [Fact]
    public void A_refused_value_adds_one_Chinese_message_naming_the_field_and_a_clean_one_is_returned_cleaned()
    {
        var errors = new FieldErrors();
        Assert.Equal("李桂兰", errors.Text(" 李桂兰 ", "name", "姓名", FreeText.PersonName));
        Assert.False(errors.Any);

        errors.Text("李\u202E兰", "name", "姓名", FreeText.PersonName);
        errors.Text(new string('李', 51), "displayName", "姓名", FreeText.PersonName);
        var messages = errors.ToDictionary();
        Assert.Equal("姓名含有不可见或控制字符（U+202E），请删除后重新填写。", Assert.Single(messages["name"]));
        Assert.Equal("姓名不能超过 50 个字符。", Assert.Single(messages["displayName"]));
    }

    [Fact]
    public void Items_of_a_list_are_reported_under_their_index()
    {
        var errors = new FieldErrors();
        var cleaned = errors.Texts([" 张医生 ", "王\u200B医生", null!], "assessors", "评估人员", FreeText.PersonName);
        Assert.Equal(["张医生", "王\u200B医生", ""], cleaned);
        Assert.True(errors.ToDictionary().ContainsKey("assessors[1]"));
        Assert.Single(errors.ToDictionary());
    }
}
