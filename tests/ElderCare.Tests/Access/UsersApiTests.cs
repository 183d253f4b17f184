using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

public class UsersApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_admin_adds_a_town_officer_whose_mobile_comes_back_masked()
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var r = await admin.PostJson("/api/users", new
        {
            userName = "changyuan.li", displayName = "李明", role = "town-officer", regionCode = Make.Changyuan,
            mobile = "13812345678", password = "Changyuan#2026x",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var user = await r.ReadJson();
        Assert.Equal("town-officer", user.GetProperty("role").GetString());
        Assert.Equal("138****5678", user.GetProperty("mobile").GetString());
        await (await admin.PostJson("/api/users", new { userName = "changyuan.li", role = "district-staff", password = "Changyuan#2026x" }))
            .AssertProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("town-officer", null, "Strong#Pass2026", "regionCode")]
    [InlineData("town-officer", "500153099", "Strong#Pass2026", "regionCode")]
    [InlineData("operator", null, "Strong#Pass2026", "facilityIds")]
    [InlineData("mayor", null, "Strong#Pass2026", "role")]
    [InlineData("district-staff", null, "password1234", "password")]
    public async Task Bad_users_are_400_naming_the_field(string role, string? region, string password, string field)
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        await (await admin.PostJson("/api/users", new { userName = "bad" + Guid.NewGuid().ToString("N")[..6], role, regionCode = region, password }))
            .AssertFieldError(field);
    }

    [Fact]
    public async Task Changing_a_role_keeps_the_mobile_unless_it_is_sent_empty()
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var created = await (await admin.PostJson("/api/users", new
        {
            userName = "keep.mobile", role = "evaluator", mobile = "13700001111", password = "Evaluator#2026x",
        })).ReadJson();
        var id = created.GetProperty("id").GetString();
        var kept = await (await admin.PutJson($"/api/users/{id}", new { role = "district-staff" })).ReadJson();
        Assert.Equal("137****1111", kept.GetProperty("mobile").GetString());
        var cleared = await (await admin.PutJson($"/api/users/{id}", new { role = "district-staff", mobile = "" })).ReadJson();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("mobile").ValueKind);
    }

    [Fact]
    public async Task Only_the_admin_manages_users()
    {
        var staff = await app.ClientAs(Role.DistrictStaff);
        await (await staff.GetAsync("/api/users")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unmasking_needs_the_permission_and_a_reason_and_is_audited()
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var created = await (await admin.PostJson("/api/users", new
        {
            userName = "mobile.owner", role = "evaluator", mobile = "13987654321", password = "Evaluator#2026x",
        })).ReadJson();
        var id = created.GetProperty("id").GetString();

        await (await admin.PostJson($"/api/users/{id}/unmask", new { reason = "核对联系方式" })).AssertProblem(HttpStatusCode.Forbidden);

        var privileged = await app.UnmaskingClient(Role.DistrictAdmin);
        await (await privileged.PostJson($"/api/users/{id}/unmask", new { reason = "" })).AssertFieldError("reason");
        var value = await (await privileged.PostJson($"/api/users/{id}/unmask", new { reason = "核对评估机构联系方式" })).ReadJson();
        Assert.Equal("13987654321", value.GetProperty("value").GetString());

        var auditor = await app.ClientAs(Role.Auditor);
        var rows = (await (await auditor.GetAsync("/api/audit?action=data.unmask")).ReadJson()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("target").GetString() == "user/mobile.owner/mobile"
            && r.GetProperty("detail").GetString() == "核对评估机构联系方式");
    }

    [Fact]
    public async Task Reset_password_forces_a_change_and_ends_sessions()
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var user = await app.User(Role.Evaluator, name: "reset.me");
        var theirs = await app.ClientAs(Role.Evaluator);
        var r = await admin.PostJson($"/api/users/{user.Id}/reset-password", new { password = (string?)null });
        var generated = (await r.ReadJson()).GetProperty("password").GetString()!;
        Assert.Empty(ElderCare.Web.Infrastructure.Auth.PasswordPolicy.Check(generated));
        await (await app.CreateClient().PostJson("/api/auth/token", new { userName = "reset.me", password = generated }))
            .AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/api/facilities")).StatusCode); // another user's session is untouched
    }
}
