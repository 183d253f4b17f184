using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// Scripts and styles (ECharts alone is 1.1 MB) go out Brotli- or gzip-compressed and, when the page links them with
/// their content hash (<c>asp-append-version</c> adds <c>?v=…</c>), cached for a year: a new version has a new URL.
/// Only these public files are compressed — never a page or an API answer, which may carry secrets (BREACH).
/// </summary>
public static class StaticAssets
{
    private static readonly string[] Compressible = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe here: static files only (UseStaticAssets)
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = Compressible;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseStaticAssets(this IApplicationBuilder app)
    {
        app.UseWhen(http => IsAsset(http.Request.Path), branch => branch.UseResponseCompression());
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }

    private static bool IsAsset(PathString path) =>
        path.StartsWithSegments("/js") || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib");
}
