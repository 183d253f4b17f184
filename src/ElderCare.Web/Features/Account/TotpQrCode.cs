using System.Globalization;
using System.Text;
using QRCoder;

namespace ElderCare.Web.Features.Account;

/// <summary>
/// The otpauth URI of a two-factor enrolment as a QR code, drawn on the server as inline SVG: no image service, no
/// script, nothing that leaves the intranet. The text is the app's own URI, never user input.
/// </summary>
public static class TotpQrCode
{
    public static string Svg(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        return $"""<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="200" height="200" role="img" """ +
            $"""aria-label="用认证器应用扫描此二维码" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>""" +
            $"""<path d="{path}" fill="#000"/></svg>""";
    }
}
