using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// What the test hosts (<see cref="AppFactory"/>, the browser tests' AppServer) do differently from a
/// production start to save time (ADR 26), and why it does not change what is tested.
/// </summary>
public static class TestHosts
{
    /// <summary>
    /// PBKDF2 iterations of the passwords a test host hashes. Production keeps ASP.NET Core Identity's default (100,000,
    /// HMAC-SHA512), which <c>FixtureShortcutsTests</c> holds; a stored hash records its own count, so sign-in verifies
    /// by the same code either way. At the default a hash costs about 40 ms of CPU, and a run hashes hundreds.
    /// </summary>
    public const uint PasswordHashIterations = 1_000;

    public static void UseFastPasswordHashing(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = (int)PasswordHashIterations);
}
