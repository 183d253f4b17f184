using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElderCare.Tests.Outbound;

/// <summary>
/// A small HTTP server on 127.0.0.1 (a port of its own) standing in for the SMS gateway (POST /sms, answers a message id)
/// and for subscribers (POST /hooks/{name}); it records every request and answers the status codes it is told to, in turn.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    public sealed record Request(string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _script = new();
    private readonly List<Request> _requests = [];
    private int _messages;

    public string Url { get; }

    private Receiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Receiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver!._script.TryGetValue(http.Request.Path, out var q) && q.TryDequeue(out var s) ? s : 200;
            lock (receiver._requests)
                receiver._requests.Add(new Request(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase), body, status));
            http.Response.StatusCode = status;
            if (status == 200 && http.Request.Path.StartsWithSegments("/sms"))
                await http.Response.WriteAsJsonAsync(new { messageId = $"gw-{Interlocked.Increment(ref receiver._messages)}-{Guid.NewGuid():N}" });
        });
        await app.StartAsync();
        receiver = new Receiver(app, app.Urls.Single().TrimEnd('/'));
        return receiver;
    }

    /// <summary>The next requests to the path are answered with these status codes, in order; then 200 again.</summary>
    public void Answer(string path, params HttpStatusCode[] statuses)
    {
        var queue = _script.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var s in statuses) queue.Enqueue((int)s);
    }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests) return [.. _requests];
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
