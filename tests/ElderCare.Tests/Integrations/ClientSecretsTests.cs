using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Integrations;

namespace ElderCare.Tests.Integrations;

/// <summary>ADR 29: secrets and tokens from a CSPRNG, stored as SHA-256 only; at most two active secrets; last use written once a minute.</summary>
public class ClientSecretsTests
{
    [Fact]
    public void A_secret_has_256_random_bits_behind_its_prefix_and_is_never_the_same_twice()
    {
        var a = ClientSecrets.NewSecret();
        var b = ClientSecrets.NewSecret();
        Assert.StartsWith(ClientSecrets.SecretPrefix, a, StringComparison.Ordinal);
        Assert.Equal(4 + 43, a.Length); // 32 bytes in unpadded base64url
        Assert.NotEqual(a, b);
        Assert.StartsWith(ClientSecrets.TokenPrefix, ClientSecrets.NewToken(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_hash_is_stored_and_it_verifies_the_secret_and_nothing_else()
    {
        var secret = ClientSecrets.NewSecret();
        var hash = ClientSecrets.Hash(secret);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(secret[4..], hash, StringComparison.Ordinal);
        Assert.True(ClientSecrets.Verify(secret, hash));
        Assert.False(ClientSecrets.Verify(secret + "x", hash));
        Assert.False(ClientSecrets.Verify(ClientSecrets.NewSecret(), hash));
        Assert.False(ClientSecrets.Verify("", hash));
        Assert.False(ClientSecrets.Verify(null, hash));
    }

    [Fact]
    public void The_hint_shows_the_prefix_and_the_last_four_characters_only()
    {
        var secret = ClientSecrets.NewSecret();
        Assert.Equal($"ecs_…{secret[^4..]}", ClientSecrets.Hint(secret));
    }

    [Theory]
    [InlineData(0, true, false)]
    [InlineData(1, true, false)] // the only secret cannot be retired: revoke the client instead
    [InlineData(2, false, true)] // "rotation without downtime: at most two active secrets"
    public void At_most_two_secrets_are_active_and_the_last_one_is_never_retired(int active, bool canAdd, bool canRetire)
    {
        Assert.Equal(canAdd, ClientSecrets.CanAdd(active));
        Assert.Equal(canRetire, ClientSecrets.CanRetire(active));
    }

    [Fact]
    public void Last_use_is_written_at_most_once_a_minute()
    {
        var now = new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);
        Assert.True(ClientSecrets.LastUsedDue(null, now));
        Assert.False(ClientSecrets.LastUsedDue(now.AddSeconds(-59), now));
        Assert.True(ClientSecrets.LastUsedDue(now.AddMinutes(-1), now));
    }

    [Fact]
    public void The_audit_shows_a_client_as_interface_and_its_name() => Assert.Equal("接口:市平台", ClientSecrets.ActorName("市平台"));

    [Fact]
    public void A_header_is_read_as_a_token_a_secret_or_basic_client_credentials()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal("ect_abc", ClientCredential.Parse("Bearer ect_abc")!.Token);
        Assert.Equal("ecs_abc", ClientCredential.Parse("Bearer ecs_abc")!.Secret);
        Assert.Null(ClientCredential.Parse("Bearer ec_person-token")); // a person's token stays with the people's scheme
        var basic = ClientCredential.Parse("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{id}:ecs_x%2By")))!;
        Assert.Equal((id, "ecs_x+y"), (basic.ClientId!.Value, basic.Secret)); // RFC 6749 §2.3.1: form-url-encoded
        Assert.Null(ClientCredential.Parse("Basic not-base64!"));
        Assert.Null(ClientCredential.Parse("Basic " + Convert.ToBase64String("no-colon"u8.ToArray())));
        Assert.True(ClientCredential.IsClientHeader("Basic abc"));
        Assert.False(ClientCredential.IsClientHeader("Bearer ec_abc"));
    }

    [Fact]
    public void A_client_valid_until_a_day_calls_all_that_china_day()
    {
        var end = RegisterApiClient.EndOfChinaDay(new DateOnly(2027, 12, 31));
        Assert.Equal(new DateTime(2027, 12, 31, 16, 0, 0, DateTimeKind.Utc), end);
    }

    [Theory]
    [InlineData(Role.DistrictAdmin, false)] // the administrator's powers (users, clients) are never an integration's
    [InlineData(Role.Caregiver, false)]     // a caregiver's scope is a person's own orders
    [InlineData(Role.DistrictStaff, true)]
    [InlineData(Role.TownOfficer, true)]
    [InlineData(Role.Operator, true)]
    public void Integration_roles_exclude_the_administrator_and_the_caregiver(Role role, bool allowed) =>
        Assert.Equal(allowed, RegisterApiClient.AllowedRole(role));
}
