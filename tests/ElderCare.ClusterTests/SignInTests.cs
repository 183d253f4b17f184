using System.Net;
using ElderCare.ClusterTests.Infrastructure;

namespace ElderCare.ClusterTests;

/// <summary>Both nodes read the same key ring from PostgreSQL (ADR 32): a cookie and a token work on either node.</summary>
public sealed class SignInTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_cookie_signed_in_on_one_node_works_on_both_nodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var cookie = await ClusterFixture.SignInAsync(5401, ct);
        foreach (var port in LocalCluster.Nodes)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
                { BaseAddress = new Uri(LocalCluster.NodeUrl(port)) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/facilities");
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, ct)).StatusCode);
        }
    }

    [Fact]
    public async Task An_api_token_started_on_one_node_works_on_both_nodes()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var port in LocalCluster.Nodes)
        {
            using var client = fixture.SignedInClient(port);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/facilities", ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Nginx_and_both_nodes_are_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var url in LocalCluster.Nodes.Select(LocalCluster.NodeUrl).Append(LocalCluster.Nginx))
        {
            using var client = LocalCluster.Client(url);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        }
    }
}
