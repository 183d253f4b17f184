using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Cluster;

/// <summary>
/// Two nodes sharing one Redis server (ADR 32), started for each test where ELDERCARE_TEST_REDIS names the server (e.g.
/// 127.0.0.1:6379; CI starts one); without it <see cref="First"/> and <see cref="Second"/> stay null. Each run keys its
/// channels and counters with a prefix of its own.
/// </summary>
public abstract class RedisNodePair : IAsyncLifetime
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ELDERCARE_TEST_REDIS");

    private readonly string _prefix = "eldercare-test-" + Guid.NewGuid().ToString("N")[..8];

    protected AppFactory? First { get; private set; }
    protected AppFactory? Second { get; private set; }

    /// <summary>What both nodes are set to besides Redis: the budget under test.</summary>
    protected abstract void Configure(Dictionary<string, string> settings);

    public async ValueTask InitializeAsync()
    {
        if (Redis is null) return;
        First = Node(new AppFactory());
        await First.InitializeAsync();
        Second = Node(First.SecondNode());
        await Second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Second is not null) await Second.DisposeAsync();
        if (First is not null) await First.DisposeAsync();
    }

    private AppFactory Node(AppFactory node)
    {
        node.Settings["Redis:Configuration"] = Redis!;
        node.Settings["Redis:Prefix"] = _prefix;
        Configure(node.Settings);
        return node;
    }
}
