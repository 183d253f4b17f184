namespace ElderCare.Web.Features.Meals;

/// <summary>How meals, modes and order states read in Chinese on the pages and in the exports.</summary>
public static class MealValidation
{
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
