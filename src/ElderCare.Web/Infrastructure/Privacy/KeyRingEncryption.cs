using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ElderCare.Web.Infrastructure.Privacy;

/// <summary>
/// Encrypts the Data Protection keys at rest with a 256-bit key from configuration (<c>DataProtection:KeyEncryptionKey</c>,
/// base64; from an environment variable or a secret store shared by the nodes), AES-GCM — for deployments without a
/// certificate (ADR 32). Each key element is stored as nonce ‖ tag ‖ ciphertext in base64.
/// </summary>
public sealed class KeyRingEncryption(byte[] key)
{
    private const int NonceBytes = 12, TagBytes = 16;

    public static KeyRingEncryption? FromConfiguration(IConfiguration config)
    {
        if (config["DataProtection:KeyEncryptionKey"] is not { Length: > 0 } text) return null;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            key = [];
        }
        if (key.Length != 32) throw new InvalidOperationException("DataProtection:KeyEncryptionKey 应为 32 字节密钥的 base64（openssl rand -base64 32）。");
        return new KeyRingEncryption(key);
    }

    public string Seal(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return Convert.ToBase64String(sealedBytes);
    }

    public string Open(string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var data = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), data);
        return Encoding.UTF8.GetString(data);
    }

    public sealed class Encryptor(KeyRingEncryption encryption) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(new XElement("sealed", encryption.Seal(plaintextElement.ToString(SaveOptions.DisableFormatting))), typeof(Decryptor));
    }

    /// <summary>Made by the framework from the type name stored beside each key, with the app's services.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement) =>
            XElement.Parse(services.GetRequiredService<KeyRingEncryption>().Open(encryptedElement.Value));
    }
}
