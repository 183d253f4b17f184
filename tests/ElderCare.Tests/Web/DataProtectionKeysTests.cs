using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Web;

/// <summary>
/// The keys behind the sign-in cookie and the antiforgery tokens live in the app's own folder (700, files 600), not in
/// the profile shared by every app of the account; optionally encrypted with a certificate.
/// </summary>
[Collection(nameof(SharedApp))]
public class DataProtectionKeysTests(AppFactory app)
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_hosts_keys_land_in_the_configured_folder_readable_by_the_app_only()
    {
        await app.CreateClient().GetAsync("/account/login"); // the antiforgery token needs a key
        var files = Directory.GetFiles(app.DataProtectionFolder, "key-*.xml");
        Assert.NotEmpty(files);
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(Owner | UnixFileMode.UserExecute, File.GetUnixFileMode(app.DataProtectionFolder));
        foreach (var f in files) Assert.Equal(Owner, File.GetUnixFileMode(f));
    }

    [Fact]
    public void The_default_folder_is_under_the_apps_data_folder() =>
        Assert.Equal(Path.Combine("/srv/eldercare", "App_Data", "keys", "dataprotection"),
            DataProtectionKeys.Folder(new ConfigurationBuilder().Build(), "/srv/eldercare"));

    [Fact]
    public void With_a_certificate_the_keys_are_encrypted_at_rest()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eldercare-dp-" + Guid.NewGuid().ToString("N")[..12]);
        var pfx = folder + ".pfx";
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=ElderCare Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
                File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            }
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataProtection:KeysFolder"] = folder, ["DataProtection:CertificateFile"] = pfx,
                ["DataProtection:CertificatePassword"] = "pfx-password",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddAppDataProtection(config, "/unused");
            using var provider = services.BuildServiceProvider();
            var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            Assert.Equal("秘密", protector.Unprotect(protector.Protect("秘密")));

            var key = File.ReadAllText(Assert.Single(Directory.GetFiles(folder, "key-*.xml")));
            Assert.Contains("EncryptedData", key);
            Assert.DoesNotContain("<value>", key); // the plain master key element of an unencrypted key file
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            File.Delete(pfx);
        }
    }
}
