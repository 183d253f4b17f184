using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Infrastructure.Documents;

/// <summary>The 文号 prefix of each kind of official document, from configuration section "Documents"; checked at start (ADR 25).</summary>
public sealed class DocumentOptions : IValidatableObject
{
    /// <summary>Prefix per <see cref="DocumentKind"/> name, e.g. "AssessmentReport": "荣昌民评" (荣昌区民政局 能力评估).</summary>
    public Dictionary<string, string> Prefixes { get; set; } = new() { [nameof(DocumentKind.AssessmentReport)] = "荣昌民评" };

    public string PrefixOf(DocumentKind kind) => Prefixes[kind.ToString()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var prefix = Prefixes.GetValueOrDefault(kind.ToString())?.Trim();
            if (string.IsNullOrEmpty(prefix) || prefix.Length > 20)
                yield return new ValidationResult($"文号前缀 Documents:Prefixes:{kind} 须为 1–20 个字。", [nameof(Prefixes)]);
        }
    }
}
