using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ElderCare.Bench;

/// <summary>
/// Copies every row of a SQLite database of the app into a PostgreSQL database of the app migrated to the same
/// migrations (binary COPY, table by table, foreign keys deferred by replication mode), converting each value from
/// SQLite's storage (text GUIDs, dates and instants, JSON text for arrays) to the PostgreSQL column's type. The two
/// stores then hold the same data, so a benchmark compares them on equal terms.
/// </summary>
public static class SqliteToPostgres
{
    public static async Task<long> CopyAsync(string sqliteFile, string postgres)
    {
        await using var src = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False");
        await src.OpenAsync();
        await using var dst = new NpgsqlConnection(postgres);
        await dst.OpenAsync();
        var targets = new Dictionary<string, List<(string Name, string Type)>>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("""
            SELECT table_name, column_name, udt_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY table_name, ordinal_position
            """, dst))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                if (!targets.TryGetValue(r.GetString(0), out var list)) targets[r.GetString(0)] = list = [];
                list.Add((r.GetString(1), r.GetString(2)));
            }
        await using (var clear = new NpgsqlCommand(
            $"SET session_replication_role = replica; TRUNCATE {string.Join(", ", targets.Keys.Select(t => $"\"{t}\""))} CASCADE;", dst))
            await clear.ExecuteNonQueryAsync();

        var tables = new List<string>();
        await using (var cmd = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' " +
                                                   "AND substr(name, 1, 4) <> '__EF' ORDER BY name", src))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var missing = tables.Except(targets.Keys).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"tables missing on PostgreSQL: {string.Join(", ", missing)}");

        long rows = 0;
        foreach (var table in tables)
        {
            var columns = targets[table];
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            await using var read = new SqliteCommand($"SELECT {list} FROM \"{table}\"", src);
            await using var reader = await read.ExecuteReaderAsync();
            await using var writer = await dst.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)");
            while (await reader.ReadAsync())
            {
                await writer.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (reader.IsDBNull(i)) await writer.WriteNullAsync();
                    else
                    {
                        var value = reader.GetValue(i);
                        try
                        {
                            await Write(writer, value, columns[i].Type, $"{table}.{columns[i].Name}");
                        }
                        catch (FormatException e)
                        {
                            throw new InvalidOperationException($"{table}.{columns[i].Name} = '{value}' ({columns[i].Type}): {e.Message}", e);
                        }
                    }
                }
                rows++;
            }
            await writer.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("SET session_replication_role = origin; ANALYZE;", dst)) await analyze.ExecuteNonQueryAsync();
        return rows;
    }

    private static Task Write(NpgsqlBinaryImporter w, object v, string type, string column) => type switch
    {
        "uuid" => w.WriteAsync(v is byte[] b ? new Guid(b) : Guid.Parse((string)v), NpgsqlDbType.Uuid),
        "text" or "varchar" or "bpchar" => w.WriteAsync(Convert.ToString(v, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text),
        "int4" => w.WriteAsync(Convert.ToInt32(v, CultureInfo.InvariantCulture), NpgsqlDbType.Integer),
        "int8" => w.WriteAsync(Convert.ToInt64(v, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint),
        "int2" => w.WriteAsync(Convert.ToInt16(v, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint),
        "bool" => w.WriteAsync(Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean),
        "float8" => w.WriteAsync(Convert.ToDouble(v, CultureInfo.InvariantCulture), NpgsqlDbType.Double),
        "float4" => w.WriteAsync(Convert.ToSingle(v, CultureInfo.InvariantCulture), NpgsqlDbType.Real),
        "numeric" => w.WriteAsync(Convert.ToDecimal(v, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric),
        "date" => w.WriteAsync(DateOnly.Parse((string)v, CultureInfo.InvariantCulture), NpgsqlDbType.Date),
        "time" => w.WriteAsync(TimeOnly.Parse((string)v, CultureInfo.InvariantCulture), NpgsqlDbType.Time),
        "interval" => w.WriteAsync(TimeSpan.Parse((string)v, CultureInfo.InvariantCulture), NpgsqlDbType.Interval),
        "timestamptz" => w.WriteAsync(DateTime.Parse((string)v, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), NpgsqlDbType.TimestampTz),
        "timestamp" => w.WriteAsync(DateTime.SpecifyKind(DateTime.Parse((string)v, CultureInfo.InvariantCulture), DateTimeKind.Unspecified),
            NpgsqlDbType.Timestamp),
        "jsonb" or "json" => w.WriteAsync((string)v, type == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Json),
        "bytea" => w.WriteAsync((byte[])v, NpgsqlDbType.Bytea),
        "_text" => w.WriteAsync(JsonSerializer.Deserialize<string[]>((string)v)!, NpgsqlDbType.Array | NpgsqlDbType.Text),
        "_uuid" => w.WriteAsync(JsonSerializer.Deserialize<Guid[]>((string)v)!, NpgsqlDbType.Array | NpgsqlDbType.Uuid),
        "_int4" => w.WriteAsync(JsonSerializer.Deserialize<int[]>((string)v)!, NpgsqlDbType.Array | NpgsqlDbType.Integer),
        _ => throw new NotSupportedException($"{column}: no conversion from SQLite to PostgreSQL type {type}"),
    };
}
