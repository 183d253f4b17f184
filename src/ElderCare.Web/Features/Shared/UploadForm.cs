namespace ElderCare.Web.Features.Shared;

/// <summary>The model of _UploadForm: what the workbook an import page takes is called, and its size limit.</summary>
public sealed record UploadForm(string Workbook, long MaxFileBytes);
