using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Integrations;

/// <summary>ADR 29: an account with an initial password changes it through the API (user name + current password), then gets a token.</summary>
[Collection(nameof(SharedApp))]
public class PasswordApiTests(AppFactory app)
{
    private const string Initial = "Initial#Pass2026";
    private const string Chosen = "Chosen#Secret2027";

    private async Task<string> NewApiOnlyUser()
    {
        var name = $"api.only{Make.Serial()}";
        var code = await AdminCommands.RunAsync(app.Services, ["users", "add", name, "--role", "district-staff"], new StringReader(Initial + "\n"),
            new StringWriter(), new StringWriter());
        Assert.Equal(0, code);
        return name;
    }

    [Fact]
    public async Task An_initial_password_is_changed_with_the_old_one_and_then_a_token_is_issued()
    {
        var name = await NewApiOnlyUser();
        var anonymous = app.CreateClient();
        await (await anonymous.PostJson("/api/auth/token", new { userName = name, password = Initial })).AssertProblem(HttpStatusCode.Forbidden);
        var changed = await anonymous.PostJson("/api/auth/password", new { userName = name, currentPassword = Initial, newPassword = Chosen });
        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        var token = await anonymous.PostJson("/api/auth/token", new { userName = name, password = Chosen });
        Assert.True(token.StatusCode == HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        await (await anonymous.PostJson("/api/auth/token", new { userName = name, password = Initial })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_failed_sign_in_and_a_weak_new_one_is_refused_by_name()
    {
        var name = await NewApiOnlyUser();
        var anonymous = app.CreateClient();
        await (await anonymous.PostJson("/api/auth/password", new { userName = name, currentPassword = "Wrong#Pass20261", newPassword = Chosen }))
            .AssertProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJson("/api/auth/password", new { userName = name, currentPassword = Initial, newPassword = "short" }))
            .AssertFieldError("newPassword");
        await (await anonymous.PostJson("/api/auth/password", new { userName = name, currentPassword = Initial, newPassword = Initial }))
            .AssertFieldError("newPassword");
        await (await anonymous.PostJson("/api/auth/password", new { currentPassword = Initial, newPassword = Chosen })).AssertFieldError("userName");
        await (await anonymous.PostJson("/api/auth/password", new { userName = "nobody.at.all", currentPassword = Initial, newPassword = Chosen }))
            .AssertProblem(HttpStatusCode.Unauthorized);
    }
}
