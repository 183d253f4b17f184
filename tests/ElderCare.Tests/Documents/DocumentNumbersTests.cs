using ElderCare.Web.Infrastructure.Documents;

namespace ElderCare.Tests.Documents;

/// <summary>公文文号: prefix, the year in 六角括号〔〕 (GB/T 9704-2012 7.2.4), the number of that year zero-padded to six digits, 号.</summary>
public class DocumentNumbersTests
{
    [Theory]
    [InlineData(1, "荣昌民评〔2026〕000001号")]
    [InlineData(123, "荣昌民评〔2026〕000123号")]
    [InlineData(999999, "荣昌民评〔2026〕999999号")]
    [InlineData(1234567, "荣昌民评〔2026〕1234567号")] // more than six digits is never cut
    public void The_number_is_zero_padded_to_six_digits(int n, string expected) =>
        Assert.Equal(expected, DocumentNumbers.Format("荣昌民评", 2026, n));

    [Fact]
    public void The_year_stands_in_hexagonal_brackets_not_parentheses()
    {
        var s = DocumentNumbers.Format("荣昌民评", 2027, 5);
        Assert.Contains("〔2027〕", s, StringComparison.Ordinal);
        Assert.DoesNotContain("(", s, StringComparison.Ordinal);
        Assert.DoesNotContain("（", s, StringComparison.Ordinal);
        Assert.EndsWith("号", s, StringComparison.Ordinal);
    }

    [Fact]
    public void The_prefix_comes_first_as_configured() =>
        Assert.Equal("渝荣民〔2026〕000042号", DocumentNumbers.Format("渝荣民", 2026, 42));

    [Fact]
    public void Options_refuse_an_empty_prefix_and_default_to_the_civil_affairs_bureau()
    {
        Assert.Equal("荣昌民评", new DocumentOptions().PrefixOf(DocumentKind.AssessmentReport));
        var bad = new DocumentOptions { Prefixes = new() { [nameof(DocumentKind.AssessmentReport)] = " " } };
        var errors = bad.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(bad)).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Documents:Prefixes:AssessmentReport", StringComparison.Ordinal));
    }
}
