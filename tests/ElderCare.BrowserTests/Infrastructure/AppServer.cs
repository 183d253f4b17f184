using ElderCare.Web.Data;
using System.Security.Claims;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own temp SQLite file (a copy of the run's migrated and seeded template,
/// ADR 24; the app still migrates and seeds at start, finding nothing to do) and field-encryption keys. One per test
/// class, so each flow starts from the seeded district; each test creates its own users through the app's own services.
/// </summary>
public class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every user a test creates (meets PasswordPolicy).</summary>
    public const string Password = "Rongchang#Ui2026";

    /// <summary>ELDERCARE_ADMIN_PASSWORD: the first password of the bootstrap administrator "admin".</summary>
    public const string AdminPassword = "Haitang!Elder2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eldercare-ui-" + Guid.NewGuid().ToString("N")[..12]);

    public string BaseUrl { get; private set; } = "";

    /// <summary>Tuesday 2026-12-01, 10:00 China time: inside every working-hours window the tests set up.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Extra configuration for a test class that needs it (set in a derived fixture's constructor).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The app's clock (starts at <see cref="Start"/>, then runs at real speed).</summary>
    public TestClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "app.db");
        if (!File.Exists(database)) ElderCare.Tests.Infrastructure.TemplateDatabase.CopySqliteAsync(database).GetAwaiter().GetResult();
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:App", $"Data Source={database}");
        builder.UseSetting("FieldEncryption:KeyFile", Path.Combine(_folder, "field-keys.json"));
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(_folder, "dataprotection"));
        builder.UseSetting("Evidence:LocalFolder", Path.Combine(_folder, "evidence"));
        builder.UseSetting("ELDERCARE_ADMIN_PASSWORD", AdminPassword);
        // Every test signs in from 127.0.0.1; the per-address limit is for the real world.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("RateLimits:ApiRequestsPerMinute", "1000000"); // API limits: not what these tests measure
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ElderCare.Tests.Infrastructure.TestHosts.UseFastPasswordHashing(services);
        });
    }

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A new user of the role and scope, ready to sign in with <see cref="Password"/> (no password change due). With
    /// <paramref name="twoFactor"/>, a TOTP key is enrolled as the account page would, and the test computes the codes.
    /// </summary>
    public async Task<TestUser> UserAsync(Role role, string? region = null, IReadOnlyList<Guid>? facilities = null, bool canUnmask = false,
        bool twoFactor = false, string? mobile = null, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = twoFactor ? Totp.NewKey() : null;
        var user = new AppUser
        {
            UserName = role.ToString().ToLowerInvariant() + "." + Guid.NewGuid().ToString("N")[..8],
            DisplayName = displayName ?? "测试" + Roles.Of(role), Role = role, RegionCode = region, FacilityIds = [.. facilities ?? []],
            CanUnmask = canUnmask, MobileProtected = protector.Protect(mobile), MustChangePassword = false, PasswordChangedAt = now, CreatedAt = now,
            TotpKeyProtected = key is null ? null : protector.Protect(Convert.ToBase64String(key)), TwoFactorEnabled = key is not null,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestUser(user.UserName, Password, key, Clock) { Id = user.Id };
    }

    /// <summary>Registers a facility through the app's own use case, as district staff would.</summary>
    public async Task<FacilityResource> FacilityAsync(string name, FacilityType type, string regionCode)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var input = new FacilityInput { Name = name, Type = type, RegionCode = regionCode, OperationMode = OperationMode.PublicPrivate };
        var outcome = await RegisterFacility.Handle(input, DataScope.District, db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), default);
        return outcome.Value
               ?? throw new InvalidOperationException("登记设施失败：" + string.Join(" ", outcome.Errors!.Entries.SelectMany(e => e.Value)));
    }

    /// <summary>
    /// Registers the facility as a service provider with one worker, a helper (助老员) whose certificate holds until 2030, serving
    /// the regions; optionally based at a position and signed in as a caregiver user.
    /// </summary>
    public async Task<(Guid Provider, Guid Worker)> ProviderWithHelperAsync(Guid facilityId, string workerName, string phone,
        string certificate, IReadOnlyList<string> regions, double? baseLat = null, double? baseLng = null, string? userName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var provider = (await RegisterProvider.Handle(new RegisterProvider.Input(null, facilityId, null, null), DataScope.District, db, clock,
            default)).Value!;
        var worker = await RegisterWorker.Handle(new RegisterWorker.Input(provider.Id, workerName, phone, WorkerKind.Helper, ["helper"],
            [new CertificateResource("helper", certificate, new DateOnly(2030, 12, 31))], [.. regions], null, baseLat, baseLng, userName),
            DataScope.District, db, sp.GetRequiredService<FieldProtector>(), sp.GetRequiredService<ServiceOptions>(), clock, default);
        return worker.Value is { } w ? (provider.Id, w.Id)
            : throw new InvalidOperationException("登记服务人员失败：" + (worker.Errors is null ? worker.Message
                : string.Join(" ", worker.Errors.Entries.SelectMany(e => e.Value))));
    }

    /// <summary>District staff named "seed": who acts when a test registers something through the app's own use cases.</summary>
    public static CurrentUser SeedStaff()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "seed"), new Claim(ClaimTypes.Role, Web.Infrastructure.Web.EnumText.Of(Role.DistrictStaff))], "test"));
        return new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });
    }

    /// <summary>Registers an elder through the app's own use case, as district staff ("seed") would.</summary>
    public async Task<ElderResource> ElderAsync(string name, string idNumber, string regionCode, LivingArrangement living, string? phone = null,
        IReadOnlyList<ElderCategory>? categories = null, LocationResource? location = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = SeedStaff();
        var input = new ElderInput
        {
            Name = name, IdNumber = idNumber, RegionCode = regionCode, LivingArrangement = living, Phone = phone,
            Consent = new ConsentInput("本人同意", null), Location = location,
            Categories = categories?.ToList(),
        };
        var outcome = await RegisterElder.Handle(input, user, sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<FieldProtector>(),
            sp.GetRequiredService<ElderOptions>(), sp.GetRequiredService<TimeProvider>(), default);
        return outcome.Value ?? throw new InvalidOperationException("登记老年人失败：" + outcome.Message);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; never fail a run over it.
        }
    }
}

/// <summary>A user a test created, with its TOTP key when enrolled; remembers the last time step it used.</summary>
public sealed class TestUser(string userName, string password, byte[]? totpKey, TimeProvider clock)
{
    public Guid Id { get; init; }
    public string UserName => userName;
    public string Password { get; set; } = password;
    public byte[]? TotpKey { get; set; } = totpKey;

    private long _lastStep = -1;

    /// <summary>
    /// The code of the current time step, or of the next one when the current was used already: the app refuses a
    /// step used before (no replay) but accepts one step of drift ahead, so there is no need to wait.
    /// </summary>
    public string NextCode()
    {
        var step = Math.Max(Totp.StepAt(clock.GetUtcNow()), _lastStep + 1);
        _lastStep = step;
        return Totp.Code(TotpKey ?? throw new InvalidOperationException(UserName + " has no TOTP key"), step);
    }

    /// <summary>The code of a step already used (to show a replay is refused).</summary>
    public string LastCode() => Totp.Code(TotpKey!, _lastStep);
}
