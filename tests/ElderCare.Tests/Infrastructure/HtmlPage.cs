using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// A page as a reader sees it, for server-rendered page tests: its visible text, the error beside a field, the value of a
/// field, its links and table cells, read from the HTML with a few patterns (the pages are our own, well-formed markup).
/// </summary>
public sealed partial class HtmlPage(string html, Uri? url = null)
{
    public string Html { get; } = html;

    /// <summary>The path the page was answered from (after a redirect, the redirect's target).</summary>
    public string? Path { get; } = url?.AbsolutePath;

    /// <summary>The visible text: scripts and styles dropped, tags read as spaces, entities decoded, spaces collapsed.</summary>
    public string Text => Plain(Scripts().Replace(Html, " "));

    /// <summary>The message shown beside the field (the <c>field-error</c> span of its name), or null when there is none.</summary>
    public string? FieldError(string name) => Element("id", name.Replace('.', '-').Replace(':', '-') + "-error");

    /// <summary>The value of the input with the name, or null when the page has no such input.</summary>
    public string? Value(string name) =>
        Tags("input").Where(t => Attribute(t, "name") == name).Select(t => Attribute(t, "value") ?? "").FirstOrDefault();

    /// <summary>The value of the selected option of the select with the name, or null when none is selected.</summary>
    public string? Selected(string name)
    {
        var select = Regex.Match(Html, $"<select[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        return Tags("option", select.Groups[1].Value).Where(t => Regex.IsMatch(t, @"\sselected(=""selected"")?[\s>/]"))
            .Select(t => Attribute(t, "value")).FirstOrDefault();
    }

    /// <summary>The targets of the page's links.</summary>
    public IReadOnlyList<string> Links => Tags("a").Select(t => Attribute(t, "href")).OfType<string>().ToList();

    /// <summary>Where the page's forms post to.</summary>
    public IReadOnlyList<string> FormActions => Tags("form").Select(t => Attribute(t, "action")).OfType<string>().ToList();

    /// <summary>The texts of the table cells (td) with the class.</summary>
    public IReadOnlyList<string> Cells(string cssClass) =>
        Regex.Matches(Html, @"<td\b([^>]*)>(.*?)</td>", RegexOptions.Singleline)
            .Where(m => (Attribute(m.Groups[1].Value, "class") ?? "").Split(' ').Contains(cssClass))
            .Select(m => Plain(m.Groups[2].Value)).ToList();

    /// <summary>Whether an element carries the attribute (e.g. a data- marker a script hooks onto).</summary>
    public bool HasAttribute(string attribute) => Regex.IsMatch(Html, $"<[a-z][^>]*\\s{Regex.Escape(attribute)}[\\s=>/]");

    private string? Element(string attribute, string value)
    {
        var m = Regex.Match(Html, $"<(\\w+)[^>]*\\s{attribute}=\"{Regex.Escape(value)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return m.Success ? Plain(m.Groups[2].Value) : null;
    }

    private IEnumerable<string> Tags(string name, string? within = null) =>
        Regex.Matches(within ?? Html, $"<{name}\\b[^>]*>").Select(m => m.Value);

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    private static string Plain(string html) => Spaces().Replace(WebUtility.HtmlDecode(Markup().Replace(html, " ")), " ").Trim();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Posting server-rendered forms the way a browser does: the page's antiforgery token, then the fields.</summary>
public static class Forms
{
    /// <summary>Posts a form as the client; a redirect is followed by hand (the client's own redirects would drop the bearer token).</summary>
    public static async Task<HttpResponseMessage> PostForm(this AppFactory app, HttpClient client, string url,
        params (string Name, string Value)[] fields)
    {
        var direct = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        direct.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var token = await direct.FormToken(url);
        var r = await direct.PostAsync(url, new FormUrlEncodedContent(
            [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), new("__RequestVerificationToken", token)]));
        return r.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(r.Headers.Location) : r;
    }

    /// <summary>Asserts a 2xx (showing the start of the body when not) and reads the page.</summary>
    public static async Task<HtmlPage> Page(this HttpResponseMessage r)
    {
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return new HtmlPage(html, r.RequestMessage?.RequestUri);
    }

    /// <summary>Gets the page as the client (2xx asserted).</summary>
    public static async Task<HtmlPage> Page(this HttpClient client, string url) => await (await client.GetAsync(url)).Page();
}
