using ElderCare.Web.Features.Map;

namespace ElderCare.Tests.Map;

/// <summary>选址建议: the maximal covering location problem — at most k sites, the most weight newly within the circle.</summary>
public class SiteSelectionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_solver_finds_the_optimum_where_greedy_takes_the_biggest_site_first_and_falls_short()
    {
        // Demands a..f (0..5), weight 1. Site 0 reaches a b c d (the largest); sites 1 and 2 reach a b e and c d f.
        // Greedy takes 0, then 1 or 2 adds one more: 5. The optimum is sites 1 and 2: 6.
        var problem = new SiteSelection.Problem([1, 1, 1, 1, 1, 1], [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]], Sites: 2);
        var result = SiteSelection.Solve(problem, Limit);
        Assert.Equal(5, result.Greedy.Reached);
        Assert.Equal([0, 1], result.Greedy.Sites);
        Assert.Equal(6, result.Best.Reached);
        Assert.Equal([1, 2], result.Best.Sites);
        Assert.True(result.Optimal);
        Assert.Equal("SCIP", result.Solver);
        Assert.Equal(6, result.Bound);
        Assert.Equal(0, result.Gap);
        Assert.Equal(0.2, result.GainOverGreedy, 9);
    }

    [Fact]
    public void Priority_elders_weigh_more_so_one_of_them_outweighs_two_others()
    {
        // Site 0 reaches two elders (weight 1 each); site 1 reaches one priority elder (weight 3). One site to choose.
        var problem = new SiteSelection.Problem([1, 1, 3], [[0, 1], [2]], Sites: 1);
        Assert.Equal([1], SiteSelection.Solve(problem, Limit).Best.Sites);
        Assert.Equal([1], SiteSelection.Greedy(problem).Sites);
    }

    [Fact]
    public void A_demand_reached_by_two_chosen_sites_counts_once_and_useless_sites_are_not_chosen()
    {
        var problem = new SiteSelection.Problem([2, 3, 4], [[0, 1], [1, 2], [], [0]], Sites: 5);
        var result = SiteSelection.Solve(problem, Limit);
        Assert.Equal(9, result.Best.Reached);
        Assert.Equal(9, SiteSelection.Reached(problem, [0, 1, 3]));
        Assert.Equal(2, SiteSelection.Greedy(problem).Sites.Count); // 1 then 0 (or 3) reach everything; the rest add nothing
    }

    [Fact]
    public void Merging_demands_that_the_same_sites_reach_keeps_the_answer_of_every_choice()
    {
        var random = new Random(20261203);
        const int demands = 80, sites = 12, k = 3;
        var weights = Enumerable.Range(0, demands).Select(_ => (long)random.Next(1, 4)).ToArray();
        var reaches = Enumerable.Range(0, sites)
            .Select(_ => Enumerable.Range(0, demands).Where(_ => random.NextDouble() < 0.15).ToArray()).ToList();
        var full = new SiteSelection.Problem(weights, reaches, k);
        var merged = SiteSelection.Aggregate(weights, reaches, k);
        Assert.True(merged.Weights.Count < demands);

        // Every choice of three sites reaches the same weight in both; the best of them is the solver's answer.
        long best = 0;
        foreach (var choice in Choices(sites, k))
        {
            Assert.Equal(SiteSelection.Reached(full, choice), SiteSelection.Reached(merged, choice));
            best = Math.Max(best, SiteSelection.Reached(full, choice));
        }
        var result = SiteSelection.Solve(merged, Limit);
        Assert.True(result.Optimal);
        Assert.Equal(best, result.Best.Reached);
        Assert.True(result.Greedy.Reached <= best);
    }

    private static IEnumerable<int[]> Choices(int n, int k) =>
        k == 0 ? [[]] : Enumerable.Range(0, n).SelectMany(first => Choices(n, k - 1).Where(rest => rest.All(r => r > first))
            .Select(rest => (int[])[first, .. rest]));
}
