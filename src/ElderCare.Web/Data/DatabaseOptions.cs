using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section "Database" (ADR 16).</summary>
public sealed class DatabaseOptions
{
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up. Default: yes on SQLite, no on PostgreSQL (run the migrate command).</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>
    /// Create the SQLite file when it is missing at start (ADR 16). Off by default: a missing database on a server means a
    /// lost or moved file, and a fresh empty one would silently take its place. The migrate and seed commands create it.
    /// </summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>How long a command (and a wait for SQLite's write lock) may take before the request answers 503.</summary>
    [Range(1, 3600)]
    public int? CommandTimeoutSeconds { get; set; }
}
