using System.Security.Cryptography;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using static ElderCare.Tests.Evidence.EvidenceSamples;

namespace ElderCare.Tests.Evidence;

/// <summary>
/// The type of an evidence file is read from its bytes, never from its name: JPEG, PNG, WebP, PDF, and Office Open XML
/// (.xlsx, .docx: a ZIP holding [Content_Types].xml and the main part); HTML, SVG, scripts, executables and anything
/// unknown are refused.
/// </summary>
public class EvidenceRulesTests
{
    [Fact]
    public void JPEG_PNG_WebP_and_PDF_are_known_by_their_magic_numbers()
    {
        Assert.Same(EvidenceTypes.Jpeg, EvidenceTypes.Sniff(Jpeg));
        Assert.Same(EvidenceTypes.Jpeg, EvidenceTypes.Sniff(JpegExif));
        Assert.Same(EvidenceTypes.Png, EvidenceTypes.Sniff(Png));
        Assert.Same(EvidenceTypes.WebP, EvidenceTypes.Sniff(WebP));
        Assert.Same(EvidenceTypes.Pdf, EvidenceTypes.Sniff(Pdf));
        Assert.Same(EvidenceTypes.Zip, EvidenceTypes.Sniff(Docx)); // a ZIP is only a candidate
    }

    [Theory]
    [InlineData("html")]
    [InlineData("svg")]
    [InlineData("script")]
    [InlineData("exe")]
    [InlineData("elf")]
    [InlineData("gif")]
    [InlineData("wav")]
    [InlineData("pdf-after-whitespace")]
    [InlineData("empty")]
    [InlineData("truncated-png")]
    public void HTML_SVG_scripts_executables_and_unknown_types_are_refused(string sample)
    {
        byte[] bytes = sample switch
        {
            "html" => Html, "svg" => Svg, "script" => Script, "exe" => WindowsExe, "elf" => LinuxElf, "gif" => Gif, "wav" => Wav,
            "pdf-after-whitespace" => PdfAfterWhitespace, "empty" => [], _ => Png[..5],
        };
        Assert.Null(EvidenceTypes.Sniff(bytes));
    }

    [Fact]
    public void An_Office_file_is_a_ZIP_with_Content_Types_and_the_workbook_or_document_part()
    {
        Assert.Same(EvidenceTypes.Xlsx, EvidenceTypes.OfficeType(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]));
        Assert.Same(EvidenceTypes.Docx, EvidenceTypes.OfficeType(["[Content_Types].xml", "word/document.xml"]));
        Assert.Null(EvidenceTypes.OfficeType(["xl/workbook.xml"]));                          // no [Content_Types].xml
        Assert.Null(EvidenceTypes.OfficeType(["[content_types].xml", "xl/workbook.xml"]));   // ZIP names are case-sensitive
        Assert.Null(EvidenceTypes.OfficeType(["docs/[Content_Types].xml", "xl/workbook.xml"])); // not at the root
        Assert.Null(EvidenceTypes.OfficeType(["[Content_Types].xml", "index.html"]));        // a package, but no workbook or document
        Assert.Null(EvidenceTypes.OfficeType(["[Content_Types].xml.txt", "xl/workbook.xml"]));
    }

    [Fact]
    public async Task A_whole_file_is_judged_by_its_head_and_for_a_ZIP_by_its_central_directory()
    {
        async Task<EvidenceType?> Of(byte[] bytes) => await EvidenceTypes.OfAsync(new MemoryStream(bytes), default);
        Assert.Same(EvidenceTypes.Xlsx, await Of(Xlsx));
        Assert.Same(EvidenceTypes.Docx, await Of(Docx));
        Assert.Same(EvidenceTypes.Png, await Of(Png));
        Assert.Null(await Of(Zip("photo.jpg", "readme.txt")));                         // a plain archive
        Assert.Null(await Of(Zip("index.html", "[Content_Types].xml.bak")));
        Assert.Null(await Of([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])); // a ZIP head and nothing else
        Assert.Null(await Of(Html));
    }

    [Fact]
    public async Task The_upload_is_read_to_one_byte_past_the_limit_and_no_further()
    {
        var bytes = Padded(Png, 5000);
        var source = new CountingStream(bytes);
        var (length, _) = await StoreEvidence.SpoolAsync(source, new MemoryStream(), 1024, default);
        Assert.Equal(1025, length);
        Assert.Equal(1025, source.Consumed); // stopped there: the rest of the upload is never read

        var target = new MemoryStream();
        var (all, sha) = await StoreEvidence.SpoolAsync(new MemoryStream(bytes), target, 5000, default);
        Assert.Equal(5000, all);
        Assert.Equal(bytes, target.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
    }

    [Fact]
    public void Keys_are_content_addressed_and_nothing_else_is_a_key()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Png));
        var key = EvidenceKeys.For(sha);
        Assert.Equal($"{sha[..2]}/{sha[2..4]}/{sha}", key);
        Assert.True(EvidenceKeys.IsKey(key));
        Assert.False(EvidenceKeys.IsKey($"../../{sha}"));
        var wrong = sha.StartsWith("ff", StringComparison.Ordinal) ? "00" : "ff";
        Assert.False(EvidenceKeys.IsKey($"{wrong}/{sha[2..4]}/{sha}")); // the folders must be the hash's own
        Assert.False(EvidenceKeys.IsKey(key.ToUpperInvariant()));
        Assert.Throws<ArgumentException>(() => EvidenceKeys.For("../etc/passwd"));
    }

    [Fact]
    public void The_file_name_keeps_no_folder_and_is_cleaned_as_free_text()
    {
        var errors = new FieldErrors();
        Assert.Equal("照片.jpg", StoreEvidence.CleanName(@"C:\Users\站长\照片.jpg", errors));
        Assert.Equal("passwd", StoreEvidence.CleanName("../../etc/passwd", errors));
        Assert.Null(StoreEvidence.CleanName("  ", errors));
        Assert.False(errors.Any);
        StoreEvidence.CleanName("photo\u202Egpj.html", errors); // a bidi override that would show "photo.jpg"
        Assert.Contains(errors.Entries, e => e.Key == "file");
    }

    [Fact]
    public void The_options_refuse_an_S3_store_without_a_bucket_and_a_size_out_of_range()
    {
        var validator = new ElderCare.Web.Infrastructure.Web.SectionValidator<EvidenceOptions>("Evidence");
        Assert.True(validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, new EvidenceOptions()).Succeeded);
        var s3 = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName,
            new EvidenceOptions { Store = EvidenceStoreKind.S3, MaxBytes = 10 });
        Assert.Contains(s3.Failures!, f => f.Contains("Evidence:MaxBytes", StringComparison.Ordinal));
        Assert.Contains(s3.Failures!, f => f.Contains("Evidence:S3:Bucket", StringComparison.Ordinal));
        var minio = new EvidenceOptions { Store = EvidenceStoreKind.S3, S3 = { ServiceUrl = "http://minio:9000", Bucket = "evidence" } };
        Assert.True(validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, minio).Succeeded);
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long Consumed { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            Consumed += n;
            return n;
        }
    }
}
