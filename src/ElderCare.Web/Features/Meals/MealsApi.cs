using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>助餐 API: kitchens, dining points, menus, meal records, orders, production lists, route sheets, food safety.</summary>
public static class MealsApi
{
    public static RouteGroupBuilder MapMealsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/meals").WithTags("助餐").RequireAuthorization(Roles.Policies.ReadMeals);

        g.MapGet("/kitchens", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListMealSites.Kitchens(user.Scope, db, ct)))
            .WithSummary("中央厨房列表（区看全部，镇街看本镇街，服务机构看本机构的）");
        g.MapPost("/kitchens", async (RegisterKitchen.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RegisterKitchen.Handle(input, user.Scope, db, clock, ct))
                .ToResult(k => TypedResults.Created($"/api/meals/kitchens/{k.Id}", k)))
            .RequireAuthorization(Roles.Policies.ManageMealSites)
            .WithSummary("登记中央厨房（可指定运营设施）");
        g.MapGet("/kitchens/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetKitchen.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("中央厨房详情");
        g.MapPut("/kitchens/{id:guid}", async (Guid id, RegisterKitchen.Input input, CurrentUser user, AppDbContext db,
                CancellationToken ct) =>
                (await UpdateKitchen.Handle(id, input, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageMealSites)
            .WithSummary("修改中央厨房（名称、运营设施、所在区域、地址、位置）；已下的订餐不变");
        g.MapGet("/kitchens/{id:guid}/production", (Guid id, string? date, string? meal, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                DayReport(date, meal, clock, (d, m) => GetProductionList.Handle(id, d, m, user.Scope, db, ct), TypedResults.Ok))
            .Produces<ProductionList>() // openapi: DayReport answers a plain IResult
            .WithSummary("厨房生产单：某日某餐各套餐份数、各饮食需要份数、各助餐点堂食和送餐份数");
        g.MapGet("/kitchens/{id:guid}/production.xlsx", (Guid id, string? date, string? meal, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                DayReport(date, meal, clock, (d, m) => GetProductionList.Handle(id, d, m, user.Scope, db, ct), list =>
                    Xlsx(GetProductionList.Excel(list), $"生产单-{list.Date:yyyyMMdd}-{MealValidation.NameOf(list.Meal)}.xlsx")))
            .WithSummary("厨房生产单（Excel）");

        g.MapGet("/dining-points", async (Guid? kitchenId, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListMealSites.DiningPoints(user.Scope, db, ct, kitchenId)))
            .WithSummary("助餐点列表");
        g.MapPost("/dining-points", async (RegisterDiningPoint.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RegisterDiningPoint.Handle(input, user.Scope, db, clock, ct))
                .ToResult(p => TypedResults.Created($"/api/meals/dining-points/{p.Id}", p)))
            .RequireAuthorization(Roles.Policies.ManageMealSites)
            .WithSummary("登记助餐点（所在设施、供餐厨房、位置）");
        g.MapGet("/dining-points/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetDiningPoint.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("助餐点详情");
        g.MapPut("/dining-points/{id:guid}", async (Guid id, RegisterDiningPoint.Input input, CurrentUser user, AppDbContext db,
                CancellationToken ct) =>
                (await UpdateDiningPoint.Handle(id, input, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageMealSites)
            .WithSummary("修改助餐点（名称、所在设施、供餐厨房、地址、位置）；已下的订餐不变");
        g.MapGet("/dining-points/{id:guid}/route-sheet", (Guid id, string? date, string? meal, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                DayReport(date, meal, clock, (d, m) => GetRouteSheet.Handle(id, d, m, user.Scope, db, ct), TypedResults.Ok))
            .Produces<RouteSheet>() // openapi: DayReport answers a plain IResult
            .WithSummary("送餐路线单：从助餐点出发按最近邻顺序排列各送餐老人");
        g.MapGet("/dining-points/{id:guid}/route-sheet.xlsx", (Guid id, string? date, string? meal, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                DayReport(date, meal, clock, (d, m) => GetRouteSheet.Handle(id, d, m, user.Scope, db, ct), sheet =>
                    Xlsx(GetRouteSheet.Excel(sheet), $"送餐路线单-{sheet.Date:yyyyMMdd}-{MealValidation.NameOf(sheet.Meal)}.xlsx")))
            .WithSummary("送餐路线单（Excel，含送达时间、老人情况空栏供司机填写）");

        g.MapGet("/menus", async (string? date, Guid? kitchenId, string? meal, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
            {
                var q = MealQuery.Parse(date, meal, clock);
                if (q.Errors is { } errors) return ApiResults.Invalid(errors);
                return (await GetMenus.Handle(q.Date, kitchenId, q.Meal, user.Scope, db, ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("某日菜单（可按厨房、餐次筛选）");
        g.MapPost("/menus", async (SaveMenu.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SaveMenu.Handle(input, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("设置某厨房某日某餐的菜单：套餐、菜品、价格（分）、适合的饮食需要；已有订餐后不能修改");

        g.MapGet("/profiles/{elderId:guid}", async (Guid elderId, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetMealProfile.Handle(elderId, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("老年人助餐档案：饮食需要、助餐点、堂食或送餐、暂停和恢复日期");
        g.MapPut("/profiles/{elderId:guid}", async (Guid elderId, SaveMealProfile.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await SaveMealProfile.Handle(elderId, input, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("登记或修改老年人助餐档案");

        g.MapGet("/orders", async (string? date, string? meal, Guid? diningPointId, Guid? kitchenId, CurrentUser user, AppDbContext db,
                MealOptions options, TimeProvider clock, CancellationToken ct) =>
            {
                var q = MealQuery.Parse(date, meal, clock);
                if (q.Errors is { } errors) return ApiResults.Invalid(errors);
                var filter = new ListMealOrders.Filter(q.Date, q.Meal, diningPointId, kitchenId);
                return (IResult)TypedResults.Ok(await ListMealOrders.Handle(filter, user.Scope, db, options, ct));
            })
            .Produces<IReadOnlyList<MealOrderResource>>() // openapi: the handler answers a plain IResult
            .WithSummary("某日订餐（含补贴、自付，已就餐的标出出锅至就餐是否超过 2 小时）");
        g.MapPost("/orders", async (RaiseMealOrder.Input input, CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock,
                CancellationToken ct) =>
                (await RaiseMealOrder.Handle(input, user, db, options, clock, ct))
                .ToResult(o => TypedResults.Created($"/api/meals/orders/{o.Id}", o)))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("订餐：按饮食需要选择合适套餐（不合适时指明原因），按补贴对象计算补贴和个人自付（分）");
        g.MapGet("/orders/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, MealOptions options, CancellationToken ct) =>
                (await GetMealOrder.Handle(id, user.Scope, db, options, ct)).ToResult(TypedResults.Ok))
            .WithSummary("订餐详情");
        g.MapPost("/orders/{id:guid}/check-in", async (Guid id, ServeMeal.CheckInInput input, CurrentUser user, AppDbContext db, MealOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await ServeMeal.CheckIn(id, input, user, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("堂食签到（助餐点）");
        g.MapPost("/orders/{id:guid}/delivery", async (Guid id, ServeMeal.DeliveryInput input, CurrentUser user, AppDbContext db, MealOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await ServeMeal.Deliver(id, input, user, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("送餐到户确认（时间、可选位置、老人情况）");

        g.MapPost("/orders/{id:guid}/cancel", async (Guid id, CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock,
                CancellationToken ct) =>
                (await CancelMealOrder.Handle(id, user, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("取消订餐（未就餐、未过就餐日期的）；取消的订餐不计入生产单、送餐路线单和月度结算");

        g.MapPost("/batches", async (RecordFoodBatch.Input input, CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordFoodBatch.Handle(input, user, db, options, clock, ct))
                .ToResult(b => TypedResults.Created($"/api/meals/batches/{b.Id}", b)))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("登记出锅批次（出锅时间，可同时登记留样）");
        g.MapPost("/batches/{id:guid}/sample", async (Guid id, RecordFoodSample.Input input, CurrentUser user, AppDbContext db,
            MealOptions options, TimeProvider clock, CancellationToken ct) =>
                (await RecordFoodSample.Handle(id, input, user, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("登记留样（留样时间、保存至，不少于 48 小时）");
        g.MapPost("/batches/{id:guid}/disposal", async (Guid id, RecordSampleDisposal.Input input, CurrentUser user, AppDbContext db,
                MealOptions options, TimeProvider clock, CancellationToken ct) =>
                (await RecordSampleDisposal.Handle(id, input, user, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("登记留样处置（不足 48 小时的如实记录并标出）");
        // Standing meal orders of regular diners (daily work): weekdays until paused, generated day by day.
        g.MapGet("/standing-orders", async (int? page, int? pageSize, CurrentUser user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var paging = PageRequest.From(page, pageSize, errors);
                if (errors.Any) return ApiResults.Invalid(errors);
                return (IResult)TypedResults.Ok(await ListStandingMealOrders.Handle(paging, user.Scope, db, ct));
            })
            .Produces<Paged<StandingMealOrderResource>>() // openapi: the handler answers a plain IResult
            .WithSummary("长期订餐列表（进行中的在前，分页）");
        g.MapPost("/standing-orders", async (RegisterStandingMealOrder.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                Audit.AuditLog audit, CancellationToken ct) =>
                (await RegisterStandingMealOrder.Handle(input, user, db, clock, audit, ct))
                .ToResult(s => TypedResults.Created($"/api/meals/standing-orders/{s.Id}", s)))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("登记长期订餐：老年人、午餐或晚餐、星期几（1 为周一）、开始日期，可指定助餐点、就餐方式、套餐");
        g.MapPost("/standing-orders/{id:guid}/pause", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock,
                Audit.AuditLog audit, CancellationToken ct) =>
                (await PauseStandingMealOrder.Handle(id, user, db, clock, audit, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("暂停长期订餐（自今天起不再生成订餐，已生成的订餐不变）");
        g.MapPost("/standing-orders/{id:guid}/resume", async (Guid id, CurrentUser user, AppDbContext db, Audit.AuditLog audit,
                CancellationToken ct) =>
                (await ResumeStandingMealOrder.Handle(id, user, db, audit, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("恢复已暂停的长期订餐");
        g.MapPost("/standing-orders/raise", async (string? date, CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock,
                CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                DateOnly? day = string.IsNullOrWhiteSpace(date) ? null : clock.DateOrToday(date, "date", errors);
                if (errors.Any) return ApiResults.Invalid(errors);
                return (await RaiseStandingMealOrders.Handle(day, user, db, options, clock, ct)).ToResult(TypedResults.Ok);
            })
            .RequireAuthorization(Roles.Policies.WriteMeals)
            .WithSummary("按长期订餐生成某日订餐（已有订餐的跳过，可重复执行）；返回生成份数和跳过原因");

        g.MapGet("/samples", async (string? from, string? to, Guid? kitchenId, CurrentUser user, AppDbContext db, MealOptions options,
                TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var end = clock.DateOrToday(to, "to", errors);
                var start = string.IsNullOrWhiteSpace(from) ? end.AddDays(-6) : clock.DateOrToday(from, "from", errors);
                if (errors.Any) return ApiResults.Invalid(errors);
                return (await GetFoodSafetyLog.Handle(start, end, kitchenId, user.Scope, db, options, ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("食品安全记录：出锅批次与留样、未留样或留样不足 48 小时的批次、出锅至就餐超过 2 小时的餐次（默认近 7 天）");

        g.MapGet("/billing", (string? month, Guid? diningPointId, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                MonthReport(month, clock, first => GetMealBilling.Handle(first, diningPointId, user.Scope, db, ct), TypedResults.Ok))
            .Produces<MealBilling>() // openapi: MonthReport answers a plain IResult
            .RequireAuthorization(Roles.Policies.ReadMealBilling)
            .WithSummary("月度助餐结算：按助餐点、按老年人的餐数、餐费、补贴、个人自付（分；不含已取消的订餐）");
        g.MapGet("/billing.xlsx", (string? month, Guid? diningPointId, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                MonthReport(month, clock, first => GetMealBilling.Handle(first, diningPointId, user.Scope, db, ct),
                    b => Xlsx(GetMealBilling.Excel(b), $"助餐结算-{b.Month}.xlsx")))
            .RequireAuthorization(Roles.Policies.ReadMealBilling)
            .WithSummary("月度助餐结算（Excel，金额以元计）");

        g.MapGet("/subsidy-rates", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListMealSubsidyRates.Handle(db, ct)))
            .WithSummary("助餐补贴标准（按补贴对象、执行日期）");
        g.MapPost("/subsidy-rates", async (SaveMealSubsidyRate.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await SaveMealSubsidyRate.Handle(input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMealRates)
            .WithSummary("设置某补贴对象自某日起的每餐补贴（分）；区民政局录入的标准即为已确认");
        g.MapPost("/subsidy-rates/{id:guid}/confirm", async (Guid id, ConfirmMealSubsidyRate.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ConfirmMealSubsidyRate.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteMealRates)
            .WithSummary("区民政局确认某项助餐补贴标准（source 填写依据，如文件文号），确认后不再显示“待确认”");
        return api;
    }

    /// <summary>A day's report of one site: the date (default today) and meal (default lunch) are checked first.</summary>
    private static async Task<IResult> DayReport<T>(string? date, string? meal, TimeProvider clock, Func<DateOnly, Meal, Task<Outcome<T>>> get,
        Func<T, IResult> ok)
    {
        var q = MealQuery.Parse(date, meal, clock);
        if (q.Errors is { } errors) return ApiResults.Invalid(errors);
        return (await get(q.Date, q.Meal ?? Meal.Lunch)).ToResult(ok);
    }

    /// <summary>A month's report: the month (yyyy-MM, default this month) is checked first.</summary>
    private static async Task<IResult> MonthReport<T>(string? month, TimeProvider clock, Func<DateOnly, Task<Outcome<T>>> get, Func<T, IResult> ok)
    {
        var errors = new FieldErrors();
        var first = GetMealBilling.ParseMonth(month, clock, errors);
        if (errors.Any) return ApiResults.Invalid(errors);
        return (await get(first!.Value)).ToResult(ok);
    }

    private static IResult Xlsx(byte[] workbook, string fileName) => TypedResults.File(workbook, SpreadsheetWriter.ContentType, fileName);
}

/// <summary>The date (default today) and, when given, the meal of a day's list.</summary>
public sealed record MealQuery(DateOnly Date, Meal? Meal, FieldErrors? Errors)
{
    public static MealQuery Parse(string? date, string? meal, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var day = clock.DateOrToday(date, "date", errors);
        var m = EnumText.Optional<Meal>(meal, "meal", errors);
        return new MealQuery(day, m, errors.Any ? errors : null);
    }
}
