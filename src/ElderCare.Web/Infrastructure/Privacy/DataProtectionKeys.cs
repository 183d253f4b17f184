using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ElderCare.Web.Infrastructure.Privacy;

/// <summary>
/// The keys that sign the sign-in cookie, the antiforgery tokens and the two-factor step live with the app's own data
/// (<c>DataProtection:KeysFolder</c>, default <c>App_Data/keys/dataprotection</c>), not in the service account's profile
/// that every app of that account shares; the folder is 700 and each key file 600 on Unix. With
/// <c>DataProtection:CertificateFile</c> (PKCS#12, <c>DataProtection:CertificatePassword</c>) the keys are also
/// encrypted at rest; with <c>DataProtection:KeyEncryptionKey</c> (base64, 32 bytes) by AES-GCM (<see cref="KeyRingEncryption"/>).
/// Several nodes of one deployment keep the keys in the database instead (<c>DataProtection:Store=Database</c>, ADR 32), so a
/// cookie or token signed by one node is read by every other.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "ElderCare";

    public static string Folder(IConfiguration config, string contentRoot)
    {
        var folder = config["DataProtection:KeysFolder"];
        if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine("App_Data", "keys", "dataprotection");
        return Path.IsPathRooted(folder) ? folder : Path.Combine(contentRoot, folder);
    }

    public static IServiceCollection AddAppDataProtection(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (string.Equals(config["DataProtection:Store"], "Database", StringComparison.OrdinalIgnoreCase))
            builder.PersistKeysToDbContext<Data.AppDbContext>();
        else
        {
            var folder = new DirectoryInfo(Folder(config, contentRoot));
            PrivateFolder(folder.FullName, tightenExisting: true);
            services.AddOptions<KeyManagementOptions>()
                .Configure<ILoggerFactory>((o, logs) => o.XmlRepository = new PrivateFileXmlRepository(folder, logs));
        }
        if (KeyRingEncryption.FromConfiguration(config) is { } encryption)
        {
            services.AddSingleton(encryption);
            services.AddOptions<KeyManagementOptions>().Configure(o => o.XmlEncryptor = new KeyRingEncryption.Encryptor(encryption));
        }
        if (config["DataProtection:CertificateFile"] is { Length: > 0 } certificate)
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, config["DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet));
        return services;
    }

    /// <summary>Creates the folder readable by the app's account only (700 on Unix); <paramref name="tightenExisting"/> also
    /// for a folder that exists already (only for a folder that is the app's alone).</summary>
    public static void PrivateFolder(string path, bool tightenExisting)
    {
        if (!tightenExisting && Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(path, owner);
        File.SetUnixFileMode(path, owner);
    }

    /// <summary>The framework's file repository, with each key file made 600 once written (the folder is 700 throughout).</summary>
    private sealed class PrivateFileXmlRepository(DirectoryInfo folder, ILoggerFactory logs) : IXmlRepository
    {
        private readonly FileSystemXmlRepository _files = new(folder, logs);

        public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            _files.StoreElement(element, friendlyName);
            if (OperatingSystem.IsWindows()) return;
            foreach (var file in folder.EnumerateFiles("*.xml"))
                File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
