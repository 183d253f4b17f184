namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// Response headers of 等保 / OWASP practice: a CSP without inline script, no MIME sniffing, no framing, no referrer
/// leakage. HSTS is added outside development by <c>UseHsts</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Map tiles may come from the configured tile server; scripts and styles only from this site.</summary>
    public static string Policy(string? tileOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' data:{(string.IsNullOrEmpty(tileOrigin) ? "" : " " + tileOrigin)}; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin)
    {
        var csp = Policy(tileOrigin);
        return app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            // The API reference page (Swagger UI) ships inline script; it gets its own, wider policy.
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                : csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            await next();
        });
    }
}
