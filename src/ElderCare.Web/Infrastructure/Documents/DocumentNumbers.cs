using System.Data.Common;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ElderCare.Web.Infrastructure.Documents;

/// <summary>
/// 公文文号: "〔年份〕" in the hexagonal brackets of GB/T 9704-2012 7.2.4, the sequence number of that year, "号".
/// The sequence is one row per kind and year, advanced by a single INSERT … ON CONFLICT DO UPDATE … RETURNING — atomic on
/// SQLite (one writer at a time) and on PostgreSQL (the row lock of the upsert), with no read-then-write race.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>Digits of the sequence number, zero-padded: 000123.</summary>
    public const int Digits = 6;

    /// <summary>荣昌民评〔2026〕000123号.</summary>
    public static string Format(string prefix, int year, int number) =>
        $"{prefix}〔{year}〕{number.ToString(new string('0', Digits), System.Globalization.CultureInfo.InvariantCulture)}号";

    /// <summary>
    /// The next number of <paramref name="kind"/> in <paramref name="year"/> (1 for the year's first). Runs inside the context's
    /// current transaction when there is one; otherwise it commits by itself, and a later failure leaves a gap, never a duplicate.
    /// </summary>
    public static async Task<int> NextAsync(DocumentKind kind, int year, AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = """
                INSERT INTO "DocumentNumbers" ("Kind", "Year", "Last") VALUES (@kind, @year, 1)
                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "DocumentNumbers"."Last" + 1
                RETURNING "Last"
                """;
            Add(cmd, "kind", kind.ToString());
            Add(cmd, "year", year);
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
