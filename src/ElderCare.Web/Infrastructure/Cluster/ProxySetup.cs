using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ElderCare.Web.Infrastructure.Cluster;

/// <summary>
/// Behind a load balancer every request comes from its address; the sign-in budget, the API limits and the audit trail need
/// the client's. <c>Proxy:KnownProxies</c> (e.g. <c>["127.0.0.1"]</c> for nginx on the same machine) are the only addresses
/// whose X-Forwarded-For and X-Forwarded-Proto are believed (ADR 32); none by default, so a client cannot forge its address.
/// </summary>
public static class ProxySetup
{
    public static void UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0) return; // (the framework would believe any proxy if the lists below were left empty)
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies 中的地址无效：{proxy}"));
        app.UseForwardedHeaders(options);
    }
}
