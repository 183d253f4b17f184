using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// Form fields are named by the camelCase keys of <c>FieldErrors</c> ("floorArea", "beds.nursing"), so the same key
/// finds the ModelState error, the input and its message. Ids replace dots, which CSS selectors would need escaped.
/// </summary>
public static class FieldIds
{
    public static string Of(string name) => name.Replace('.', '-').Replace(':', '-');

    public static string ErrorOf(string name) => Of(name) + "-error";

    public static IReadOnlyList<string> Errors(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
}

/// <summary><c>&lt;field-error for="floorArea" /&gt;</c>: the Chinese message(s) for one field, or nothing.</summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public required string For { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = FieldIds.Errors(ViewContext.ModelState, For);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", FieldIds.ErrorOf(For));
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetContent(string.Join(" ", errors));
    }
}

/// <summary>Marks an input, select or textarea whose name has an error (aria-invalid, aria-describedby) for screen readers and CSS.</summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own input helpers, which may set the name.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["name"]?.Value?.ToString() is not { Length: > 0 } name) return;
        if (FieldIds.Errors(ViewContext.ModelState, name).Count == 0) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        // Keep a hint already described, so the reader hears the rule and what went wrong.
        var hint = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(hint) ? FieldIds.ErrorOf(name) : $"{hint} {FieldIds.ErrorOf(name)}");
    }
}
