using System.Net;
using ElderCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Cluster;

/// <summary>Behind nginx (ADR 32): the sign-in budget is per client address as nginx forwards it — only when nginx's address
/// is a known proxy; otherwise a forged X-Forwarded-For changes nothing.</summary>
public sealed class ProxyTests
{
    /// <summary>The app with every request arriving from 127.0.0.1, as from nginx on the same machine.</summary>
    private sealed class BehindNginx : AppFactory
    {
        public BehindNginx(bool trusted)
        {
            Settings["Security:SignInAttemptsPerMinute"] = "3";
            if (trusted) Settings["Proxy:KnownProxies:0"] = "127.0.0.1";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromLoopback()));
        }

        private sealed class FromLoopback : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, go) =>
                {
                    http.Connection.RemoteIpAddress = IPAddress.Loopback;
                    return go(http);
                });
                next(app);
            };
        }
    }

    private static async Task<HttpStatusCode> SignIn(AppFactory app, string clientAddress)
    {
        using var api = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "nobody", password = "x" }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await api.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_forwarded_client_has_its_own_sign_in_budget_only_behind_a_known_proxy(bool trusted)
    {
        await using var app = new BehindNginx(trusted);
        await app.InitializeAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, await SignIn(app, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignIn(app, "203.0.113.1"));
        // Another client behind the same nginx: a budget of its own — unless the header is not believed (then one budget).
        Assert.Equal(trusted ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, await SignIn(app, "203.0.113.2"));
    }
}
