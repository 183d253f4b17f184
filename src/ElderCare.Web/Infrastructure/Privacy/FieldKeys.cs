using System.Security.Cryptography;
using System.Text.Json;

namespace ElderCare.Web.Infrastructure.Privacy;

/// <summary>
/// Where the field-encryption keys live: outside the database, in configuration (<c>FieldEncryption:Keys:{id}</c>
/// base64, <c>FieldEncryption:PrimaryKeyId</c>, <c>FieldEncryption:IndexKey</c>, e.g. from environment variables or a
/// secret store) or, when none are configured, in a key file created on first start (<c>FieldEncryption:KeyFile</c>,
/// default <c>App_Data/keys/field-keys.json</c>; back it up apart from the database). To rotate, add a key and make it
/// the primary one: new values use it, old values still decrypt by their key id.
/// </summary>
public static class FieldKeys
{
    public sealed record KeyFile(Dictionary<string, string> Keys, string PrimaryKeyId, string IndexKey);

    public static FieldProtector Load(IConfiguration config, string contentRoot)
    {
        var section = config.GetSection("FieldEncryption");
        var keys = section.GetSection("Keys").GetChildren().ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value ?? ""));
        if (keys.Count > 0)
            return new FieldProtector(keys, section["PrimaryKeyId"] ?? keys.Keys.Max()!, Convert.FromBase64String(section["IndexKey"] ?? ""));

        var path = section["KeyFile"] ?? Path.Combine("App_Data", "keys", "field-keys.json");
        if (!Path.IsPathRooted(path)) path = Path.Combine(contentRoot, path);
        var file = File.Exists(path) ? JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))! : Create(path);
        return new FieldProtector(file.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)), file.PrimaryKeyId,
            Convert.FromBase64String(file.IndexKey));
    }

    private static KeyFile Create(string path)
    {
        var file = new KeyFile(new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, "k1",
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Write(path, file);
        return file;
    }

    private static void Write(string path, KeyFile file)
    {
        DataProtectionKeys.PrivateFolder(Path.GetDirectoryName(path)!, tightenExisting: false); // a new folder is 700
        File.WriteAllText(path, JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
