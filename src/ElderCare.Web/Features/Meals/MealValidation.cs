using System.Globalization;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;

using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>Small checks shared by the meal use cases; messages name the camelCase field.</summary>
public static class MealValidation
{

    public static void Location(LocationResource? location, FieldErrors errors, string field = "location")
    {
        if (location is not { } loc) return;
        errors.AddIf(loc.Lat is < -90 or > 90 || double.IsNaN(loc.Lat), field + ".lat", "纬度应在 -90 至 90 之间。");
        errors.AddIf(loc.Lng is < -180 or > 180 || double.IsNaN(loc.Lng), field + ".lng", "经度应在 -180 至 180 之间。");
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Fen as a yuan amount for a spreadsheet cell (a number, two decimals).</summary>
    public static decimal YuanNumber(long fen) => fen / 100m;

    public static string NameOf(Meal meal) => meal == Meal.Lunch ? "午餐" : "晚餐";

    public static string NameOf(MealMode mode) => mode == MealMode.DineIn ? "堂食" : "送餐";

    public static string NameOf(MealOrderStatus s) => s switch
    {
        MealOrderStatus.Ordered => "已订餐",
        MealOrderStatus.Served => "已就餐",
        MealOrderStatus.Delivered => "已送达",
        MealOrderStatus.Cancelled => "已取消",
        _ => s.ToString(),
    };
}
