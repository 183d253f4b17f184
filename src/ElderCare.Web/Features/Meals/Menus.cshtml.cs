using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>A kitchen's menus of a day, and the form that sets one (three set rows; prices typed in yuan).</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealMenusModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealPageModel(db, user, clock)
{
    public const int FormSets = 3;

    [BindProperty(SupportsGet = true, Name = "kitchenId")] public Guid? KitchenId { get; set; }

    public sealed class SetForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? PriceYuan { get; set; }
        public string? Dishes { get; set; }
        public List<string> Suits { get; set; } = [];
    }

    [BindProperty(Name = "sets")] public List<SetForm> Sets { get; set; } = [];

    public IReadOnlyList<MenuResource> Menus { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (UnknownKitchen(KitchenId)) return Missing("未找到该中央厨房。");
        KitchenId ??= Kitchens.FirstOrDefault()?.Id;
        Sets = [new() { Code = "A", PriceYuan = "9" }, new() { Code = "B", PriceYuan = "11" }, new() { Code = "C", PriceYuan = "13" }];
        await LoadMenusAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => WriteAsync(async () =>
    {
        var errors = new FieldErrors();
        var (sets, rowOf) = ReadSets(errors);
        var date = FormValues.Date(DateText, "date", errors);
        var meal = FormValues.Choice<Meal>(MealText, "meal", errors);
        // Nothing is saved from a form the page could not read in full (a price typed wrong is not "no price").
        if (errors.Any) return await FormAgainAsync(errors, LoadMenusAsync, ct);
        var outcome = await SaveMenu.Handle(new SaveMenu.Input(KitchenId, date, meal, sets), CurrentUser.Scope, Db, Clock, ct);
        if (outcome.Value is { } menu)
        {
            return RedirectWithFlash($"/meals/menus?kitchenId={KitchenId}&date={menu.Date:yyyy-MM-dd}",
                $"已保存 {menu.Date:yyyy-MM-dd} {MealValidation.NameOf(menu.Meal)}菜单。");
        }
        if (outcome.Kind == OutcomeKind.Conflict) errors.Add("meal", outcome.Message!);
        else if (outcome.Errors is { } e) ToFormRows(e, rowOf).MergeInto(errors);
        return await FormAgainAsync(errors, LoadMenusAsync, ct);
    }, ct);

    /// <summary>The set rows in use; <c>rowOf</c> maps the use case's set index to the form row (blank rows are skipped).</summary>
    private (List<SaveMenu.SetInput> Sets, List<int> RowOf) ReadSets(FieldErrors errors)
    {
        var sets = new List<SaveMenu.SetInput>();
        var rowOf = new List<int>();
        for (var i = 0; i < Sets.Count; i++)
        {
            var s = Sets[i];
            // Code and price come prefilled (A 9 元, B 11, C 13): a row without name and dishes is unused.
            if (FormValues.Trimmed(s.Name) is null && FormValues.Trimmed(s.Dishes) is null) continue;
            long? fen = null;
            if (FormValues.Trimmed(s.PriceYuan) is { } p)
            {
                if (decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan)) fen = (long)Math.Round(yuan * 100);
                else errors.Add($"sets[{i}].priceFen", "请填写价格（元），例如 11。");
            }
            var dishes = (s.Dishes ?? "").Split(['、', ',', '，', ';', '；', '\n'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToList();
            var suits = s.Suits.Select(x => EnumText.TryParse<DietNeed>(x, out var d) ? d : (DietNeed?)null).OfType<DietNeed>().ToList();
            sets.Add(new SaveMenu.SetInput(s.Code, s.Name, fen, dishes, suits));
            rowOf.Add(i);
        }
        return (sets, rowOf);
    }

    private static FieldErrors ToFormRows(FieldErrors errors, List<int> rowOf)
    {
        var mapped = new FieldErrors();
        foreach (var (field, messages) in errors.Entries)
        {
            var match = System.Text.RegularExpressions.Regex.Match(field, @"^sets\[(\d+)\](.*)$");
            var key = match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var k && k < rowOf.Count
                ? $"sets[{rowOf[k]}]{match.Groups[2].Value}" : field;
            foreach (var m in messages) mapped.Add(key, m);
        }
        return mapped;
    }

    private async Task LoadMenusAsync(CancellationToken ct) =>
        Menus = KitchenId is { } id ? (await GetMenus.Handle(Date, id, null, CurrentUser.Scope, Db, ct)).Value! : [];
}
