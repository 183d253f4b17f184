namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Whether a set meal suits an elder's diet record (PRACTICE.md: per-day diet record — diabetic, low-salt, soft): it
/// must suit every need the elder has. A set for no special diet suits an elder without needs only.
/// </summary>
public static class DietSuitability
{
    public static string NameOf(DietNeed need) => need switch
    {
        DietNeed.Soft => "软食",
        DietNeed.LowSalt => "低盐",
        DietNeed.Diabetic => "糖尿病餐（低糖）",
        DietNeed.LowFat => "低脂",
        _ => need.ToString(),
    };

    public static string NamesOf(IEnumerable<DietNeed> needs) => string.Join("、", needs.Order().Select(NameOf));

    /// <summary>The needs of the elder the set does not meet (empty: it suits).</summary>
    public static IReadOnlyList<DietNeed> Unmet(IEnumerable<DietNeed> elderNeeds, IEnumerable<DietNeed> setSuits)
    {
        var suits = setSuits.ToHashSet();
        return elderNeeds.Distinct().Where(n => !suits.Contains(n)).Order().ToList();
    }

    public static bool Suits(IEnumerable<DietNeed> elderNeeds, IEnumerable<DietNeed> setSuits) => Unmet(elderNeeds, setSuits).Count == 0;

    /// <summary>The cheapest set that suits, or null.</summary>
    public static MenuSet? Choose(IEnumerable<DietNeed> elderNeeds, IEnumerable<MenuSet> sets)
    {
        var needs = elderNeeds.ToList();
        return sets.Where(s => Suits(needs, s.Suits)).OrderBy(s => s.PriceFen).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault();
    }
}
