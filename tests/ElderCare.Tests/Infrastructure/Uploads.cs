using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace ElderCare.Tests.Infrastructure;

/// <summary>Spreadsheet imports as a district clerk makes them: workbooks written and read with MiniExcel, uploaded as a form file.</summary>
public static class Uploads
{
    /// <summary>Posts the workbook as the form's <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> PostXlsx(this HttpClient client, string url, byte[] xlsx, string fileName = "upload.xlsx")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetWriter.ContentType);
        content.Add(file, "file", fileName);
        return await client.PostAsync(url, content);
    }

    /// <summary>A workbook of one sheet with the rows (their keys are the header).</summary>
    public static byte[] Workbook(string sheet, IEnumerable<Dictionary<string, object?>> rows) =>
        Workbook(new Dictionary<string, List<Dictionary<string, object?>>> { [sheet] = rows.ToList() });

    /// <summary>A workbook of the sheets, in order.</summary>
    public static byte[] Workbook(Dictionary<string, List<Dictionary<string, object?>>> sheets)
    {
        using var s = new MemoryStream();
        s.SaveAs(sheets.ToDictionary(kv => kv.Key, kv => (object)kv.Value));
        return s.ToArray();
    }

    /// <summary>Asserts an Excel download (200 and the xlsx content type) and returns its first sheet's rows, keyed by the header.</summary>
    public static async Task<List<IDictionary<string, object>>> ExcelRows(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(SpreadsheetWriter.ContentType, r.Content.Headers.ContentType?.MediaType);
        using var book = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        return book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    /// <summary>The rows of the sheet, keyed by the header row.</summary>
    public static List<Dictionary<string, object?>> Sheet(byte[] xlsx, string sheet)
    {
        using var s = new MemoryStream(xlsx);
        return s.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r)).ToList();
    }

    /// <summary>Every sheet's rows, by sheet name in workbook order.</summary>
    public static Dictionary<string, List<Dictionary<string, object?>>> Sheets(byte[] xlsx)
    {
        using var s = new MemoryStream(xlsx);
        return s.GetSheetNames().ToDictionary(n => n, n => Sheet(xlsx, n));
    }

    /// <summary>Asserts a 200 (showing the body when not) and returns the import's result.</summary>
    public static async Task<JsonElement> Imported(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts the result's counts, showing the whole result when they differ.</summary>
    public static void AssertCounts(JsonElement result, int imported, int updated, int unchanged, int rejected)
    {
        var actual = (result.GetProperty("imported").GetInt32(), result.GetProperty("updated").GetInt32(),
            result.GetProperty("unchanged").GetInt32(), result.GetProperty("rejected").GetInt32());
        Assert.True((imported, updated, unchanged, rejected) == actual,
            $"expected {(imported, updated, unchanged, rejected)}, got {actual}: {result}");
    }

    /// <summary>The texts of the result's row errors.</summary>
    public static List<string> ErrorTexts(JsonElement result) =>
        result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
}
