using System.Net;
using System.Net.Http.Headers;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Web;

/// <summary>Scripts and styles compressed and, when linked with their hash, cached for a year; pages never compressed.</summary>
[Collection(nameof(SharedApp))]
public class StaticAssetsTests(AppFactory app)
{
    private async Task<HttpResponseMessage> Get(string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task ECharts_goes_out_brotli_or_gzip_compressed_and_a_hashed_link_is_cached_for_a_year()
    {
        var plain = await (await Get("/lib/echarts/echarts.min.js", "identity")).Content.ReadAsByteArrayAsync();
        var brotli = await Get("/lib/echarts/echarts.min.js?v=abc", "br");
        Assert.Equal(HttpStatusCode.OK, brotli.StatusCode);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < plain.Length / 2);
        Assert.Contains("immutable", brotli.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var gzip = await Get("/css/site.css", "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.True(gzip.Headers.CacheControl!.NoCache); // without the hash: revalidated each time
    }

    [Fact]
    public async Task A_page_is_never_compressed_and_the_favicon_is_served()
    {
        var page = await Get("/account/login", "br");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Content.Headers.ContentEncoding);
        Assert.Contains("favicon.svg?v=", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/favicon.svg")).StatusCode);
    }
}
