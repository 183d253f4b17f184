using System.Buffers.Binary;
using System.Net;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// ADR 26: the test hosts hash passwords with fewer PBKDF2 iterations (<see cref="TestHosts"/>). A host started as in
/// production hashes with ASP.NET Core Identity's default, and sign-in takes either kind of hash by the same code.
/// </summary>
[Collection(nameof(SharedApp))]
public class FixtureShortcutsTests(AppFactory shared)
{
    /// <summary>The pseudo-random function and the iteration count in the header of an Identity V3 hash.</summary>
    private static (uint Prf, uint Iterations) Header(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]); // format marker of Identity V3 (PBKDF2)
        return (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    [Fact]
    public async Task A_host_started_as_in_production_hashes_with_100000_iterations_and_sign_in_takes_the_hashes()
    {
        await using var production = new AppFactory { ProductionPasswordHashing = true };
        await production.InitializeAsync();
        await AssertHashes(production, 100_000);
    }

    [Fact]
    public async Task A_test_host_hashes_with_its_own_iterations_and_sign_in_takes_the_hashes() =>
        await AssertHashes(shared, TestHosts.PasswordHashIterations);

    private static async Task AssertHashes(AppFactory app, uint iterations)
    {
        var user = await app.User(Role.DistrictStaff, name: "hash" + Guid.NewGuid().ToString("N")[..8]);
        const uint hmacSha512 = 2; // KeyDerivationPrf.HMACSHA512
        Assert.Equal((hmacSha512, iterations), Header(user.PasswordHash!));
        await using (var scope = app.Scope(out var db))
        {
            var admin = await db.Users.SingleAsync(u => u.UserName == BootstrapAdmin.UserName, TestContext.Current.CancellationToken);
            Assert.Equal((hmacSha512, iterations), Header(admin.PasswordHash!)); // the start's own hash
        }
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().PostSignIn(user.UserName!, AppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().PostSignIn(user.UserName!, "Wrong#Password2026")).StatusCode);
    }
}
