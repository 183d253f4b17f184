namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// Response headers of 等保 / OWASP practice: a CSP without inline script, no MIME sniffing, no framing, no referrer
/// leakage; HSTS (one year) on HTTPS outside development and tests.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Map tiles may come from the configured tile server; scripts and styles only from this site.</summary>
    public static string Policy(string? tileOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' data:{(string.IsNullOrEmpty(tileOrigin) ? "" : " " + tileOrigin)}; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Registered first in the pipeline and written when the response starts, so responses that the exception handler or
    /// the status-code pages rewrite (400, 413, 500, 404 …) keep them: those clear the headers set before.
    /// Personal data must not stay in a browser or proxy cache: every API response and every response to a signed-in
    /// user gets <c>Cache-Control: no-store</c> (static files are served before sign-in is read, so they stay cacheable), unless
    /// the endpoint declared the response public.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin, bool hsts)
    {
        var csp = Policy(tileOrigin);
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                // The API reference page (Swagger UI) ships inline script; it gets its own, wider policy.
                h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                      + "frame-ancestors 'none'"
                    : csp;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                if (hsts && http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
                // An endpoint that holds no personal data may say so with "public" (the base map's tiles); it keeps that.
                var declaredPublic = h.CacheControl.ToString().StartsWith("public", StringComparison.Ordinal);
                if ((HostSetup.IsApi(http.Request) || http.User.Identity?.IsAuthenticated == true) && !declaredPublic)
                {
                    h.CacheControl = "no-store";
                    h.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
