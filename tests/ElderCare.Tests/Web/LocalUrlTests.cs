using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Web;

/// <summary>ASVS 5.1.5: a return address is honoured only when it is a path on this site; anything else is "/".</summary>
public class LocalUrlTests
{
    public static TheoryData<string?> Hostile =>
    [
        null!, "", "elders", "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)",
        "/\t/evil.example/", "/%09/evil.example/", "/%0d%0aSet-Cookie:%20x=y", "/\r\nSet-Cookie: x=y", "/\n/evil.example",
        "/%2F/evil.example", "/%5Cevil.example", "/%5C%5Cevil.example", "/ /evil.example", "/老年人", "/elders?q=张三",
        "/a\u0000b", "/a\u007fb", "/" + new string('a', 3000),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_return_address_that_is_not_a_plain_local_path_falls_back_to_the_home_page(string? url)
    {
        Assert.False(LocalUrl.IsLocal(url));
        Assert.Equal("/", LocalUrl.Safe(url));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/elders")]
    [InlineData("/elders/0193f1e2-0000-7000-8000-000000000001?tab=assessments#latest")]
    [InlineData("/meals/orders?date=2026-11-29&meal=lunch")]
    [InlineData("/elders?q=%E5%BC%A0%E4%B8%89")]
    public void A_local_path_is_kept(string url) => Assert.Equal(url, LocalUrl.Safe(url));
}

/// <summary>The sign-in page honours only a local return address, and a hostile one never makes it answer 500.</summary>
[Collection(nameof(SharedApp))]
public class SignInReturnUrlTests(AppFactory app)
{
    public static TheoryData<string> Hostile =>
    [
        "/\t/evil.example/", "/%09/evil.example/", "/\r\nSet-Cookie: x=y", "/%0d%0aSet-Cookie:%20x=y", "//evil.example", "/\\evil.example",
        "https://evil.example/", "/老年人", "/elders?q=张三",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Signing_in_with_a_hostile_return_address_lands_on_the_home_page(string returnUrl)
    {
        var user = await app.User(Role.DistrictStaff, name: "ret" + Guid.NewGuid().ToString("N")[..8]);
        var browser = app.Browser();
        var login = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var r = await browser.PostSignIn(user.UserName!, AppFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_with_a_local_return_address_goes_there()
    {
        var user = await app.User(Role.DistrictStaff, name: "ret" + Guid.NewGuid().ToString("N")[..8]);
        var r = await app.Browser().PostSignIn(user.UserName!, AppFactory.Password, "/elders?q=%E5%BC%A0");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/elders?q=%E5%BC%A0", r.Headers.Location!.OriginalString);
    }
}
