using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.ClusterTests.Infrastructure;

/// <summary>
/// The local cluster of <c>deploy/cluster.sh</c> (ADR 32) as real processes: PostgreSQL primary 5441 and streaming replica
/// 5442, Redis 6391, app nodes 5401 and 5402, nginx 8088. Started in a folder of its own under the temp folder and
/// removed again by <see cref="StopAsync"/>; extra settings (short alarm windows) go in through ELDERCARE_CLUSTER_EXTRA_ENV;
/// <paramref name="artifacts"/> is where the app is built (a benchmark's build folder), else under src/.
/// </summary>
public sealed class LocalCluster(IReadOnlyDictionary<string, string>? settings = null, string? artifacts = null)
{
    public const string Nginx = "http://127.0.0.1:8088";
    public static readonly int[] Nodes = [5401, 5402];
    public const string Primary = "Host=127.0.0.1;Port=5441;Database=eldercare;Username=postgres";
    public const string Replica = "Host=127.0.0.1;Port=5442;Database=eldercare;Username=postgres";
    public const string AdminPassword = "Rongchang#Cluster2026";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "eldercare-cluster-" + Guid.NewGuid().ToString("N")[..8]);

    public static string NodeUrl(int port) => $"http://127.0.0.1:{port}";

    private static string Repo => Environment.GetEnvironmentVariable("ELDERCARE_REPO") is { Length: > 0 } r ? r : FindRepo();

    private static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ElderCare.slnx"))) return d.FullName;
        throw new InvalidOperationException("未找到仓库根目录（ElderCare.slnx）。");
    }

    /// <summary><c>deploy/cluster.sh start</c>: publishes the app and starts every process; throws with the script's output
    /// when any step fails (a cluster that cannot start is a failure, not a skip).</summary>
    public async Task StartAsync()
    {
        var extra = Folder + ".env";
        await File.WriteAllLinesAsync(extra, (settings ?? new Dictionary<string, string>()).Select(s => $"{s.Key}={s.Value}"));
        try
        {
            await ScriptAsync(TimeSpan.FromMinutes(6), "start");
        }
        finally
        {
            File.Delete(extra);
        }
    }

    public Task StopAsync() => ScriptAsync(TimeSpan.FromMinutes(2), "stop");

    /// <summary>Starts a node again (after <see cref="Kill"/>) and waits until it is ready.</summary>
    public Task StartNodeAsync(int port) =>
        ScriptAsync(TimeSpan.FromMinutes(2), "node", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An admin command of the app with the cluster's settings; <paramref name="input"/> is its standard input.</summary>
    /// <summary>The restore drill on the cluster's database: backup, restore into a scratch database, verify (fails when not whole).</summary>
    public Task DrillAsync() => ScriptAsync(TimeSpan.FromMinutes(2), ["drill"]);

    public Task AppAsync(string? input, params string[] args) => ScriptAsync(TimeSpan.FromMinutes(1), ["app", .. args], input);

    /// <summary>SIGKILL of one node: no shutdown, its connections (and any advisory lock) simply go.</summary>
    public void Kill(int port)
    {
        using var node = Process.GetProcessById(Pid(port));
        node.Kill(); // SIGKILL on Unix
        node.WaitForExit();
    }

    private async Task ScriptAsync(TimeSpan timeout, string[] args, string? input = null)
    {
        var log = Path.Combine(Path.GetTempPath(), $"eldercare-cluster-{Guid.NewGuid():N}.log");
        // Output to a file, not a pipe: the daemons started by the script would otherwise hold the pipe open.
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = Repo };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec deploy/cluster.sh \"$@\" >\"$0\" 2>&1");
        info.ArgumentList.Add(log);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ELDERCARE_CLUSTER_DIR"] = Folder;
        info.Environment["ELDERCARE_CLUSTER_EXTRA_ENV"] = Folder + ".env";
        if (artifacts is not null) info.Environment["ELDERCARE_CLUSTER_ARTIFACTS"] = artifacts;
        using var script = Process.Start(info)!;
        await script.StandardInput.WriteLineAsync(input ?? "");
        script.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await script.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
        }
        var output = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
        File.Delete(log);
        if (!script.HasExited || script.ExitCode != 0)
            throw new InvalidOperationException($"deploy/cluster.sh {string.Join(' ', args)} failed " +
                $"({(script.HasExited ? $"exit {script.ExitCode}" : $"no end within {timeout}")}):\n{output}\n{NodeLogTail()}");
    }

    private Task ScriptAsync(TimeSpan timeout, params string[] args) => ScriptAsync(timeout, args, null);

    private string NodeLogTail() => string.Join('\n', Nodes.Select(p => Path.Combine(Folder, $"node-{p}.log")).Where(File.Exists)
        .Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join('\n', File.ReadLines(f).TakeLast(30))));

    /// <summary>The process id of a node (deploy/cluster.sh keeps it in node-PORT.pid).</summary>
    public int Pid(int port) =>
        int.Parse(File.ReadAllText(Path.Combine(Folder, $"node-{port}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static PostgresAppDbContext Db() =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(Primary).Options);

    /// <summary>
    /// An HTTP client whose connections leave from 127.0.<paramref name="source"/>.1: nginx's ip_hash keeps one client address
    /// on one node (by its first three octets), so clients from several addresses spread over both nodes, as devices do.
    /// </summary>
    public static HttpClient Client(string baseUrl, int source = 0, int connections = 256, TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.{source % 250}.1"), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }) { BaseAddress = new Uri(baseUrl), Timeout = timeout ?? TimeSpan.FromSeconds(30) };
}
