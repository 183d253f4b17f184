namespace ElderCare.BrowserTests.Pages;

public static class FieldMessages
{
    /// <summary>
    /// The error shown beside a field: the element its aria-describedby names as the error (ids end in "-error").
    /// Found the way a screen reader finds it, so the test also proves the message is tied to the field.
    /// </summary>
    public static async Task<ILocator> ErrorMessageAsync(this ILocator field)
    {
        var ids = (await field.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var id = Assert.Single(ids, i => i.EndsWith("-error", StringComparison.Ordinal));
        return field.Page.Locator($"[id='{id}']");
    }
}
