using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(ElderCare.Tests.Infrastructure.LongestFirst))]

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, the rest after them in xunit's default (random) order (ADR 26): two
/// collections run at a time, and a long one started last kept one core busy alone at the end of the run.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The longest test classes of the suite, longest first (measured; each over 50 s of a 12-minute run).</summary>
    private static readonly string[] Longest =
    [
        "ElderCare.Tests.Access.AuthorizationMatrixTests", "ElderCare.Tests.Resilience.StartupTests", "ElderCare.Tests.Data.DemoSeedTests",
        "ElderCare.Tests.Access.SignInTests", "ElderCare.Tests.Services.ServicesApiTests",
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(c => Rank(c))];

    private static int Rank(ITestCollection collection)
    {
        var rank = Array.FindIndex(Longest, name => collection.TestCollectionDisplayName.Split(' ').Contains(name, StringComparer.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}
