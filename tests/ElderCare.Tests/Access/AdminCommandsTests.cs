using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Access;

[Collection(nameof(SharedApp))]
public class AdminCommandsTests(AppFactory app)
{
    private async Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(app.Services, args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Users_add_takes_the_password_from_standard_input_and_forces_a_change()
    {
        var (code, output, _) = await Run("Officer#Pass2026\n", "users", "add", "fenggao.wang", "--role", "town-officer", "--region", Make.Fenggao);
        Assert.Equal(0, code);
        Assert.Contains("fenggao.wang", output);
        var token = await app.CreateClient().PostJson("/api/auth/token", new { userName = "fenggao.wang", password = "Officer#Pass2026" });
        await token.AssertProblem(HttpStatusCode.Forbidden); // must change the initial password first
    }

    [Theory]
    [InlineData("Officer#Pass2026\n", "users", "add", "no.region", "--role", "town-officer")]
    [InlineData("Officer#Pass2026\n", "users", "add", "bad.role", "--role", "mayor")]
    [InlineData("short\n", "users", "add", "weak.pw", "--role", "district-staff")]
    [InlineData("", "users", "disable", "nobody-at-all")]
    [InlineData("", "users", "frobnicate")]
    public async Task Bad_input_gets_a_message_and_a_non_zero_exit(string stdin, params string[] args)
    {
        var (code, _, error) = await Run(stdin, args);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Users_disable_and_reset_password()
    {
        await Run("Staff#Pass20261\n", "users", "add", "to.disable", "--role", "evaluator");
        var (disabled, output, _) = await Run("", "users", "disable", "to.disable");
        Assert.Equal(0, disabled);
        Assert.Contains("已停用", output);
        var (reset, resetOut, _) = await Run("\n", "users", "reset-password", "to.disable");
        Assert.Equal(0, reset);
        Assert.Contains("只显示这一次", resetOut);
    }
}
