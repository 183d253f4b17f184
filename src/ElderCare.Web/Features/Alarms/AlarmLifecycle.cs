namespace ElderCare.Web.Features.Alarms;

public enum AlarmAction { Acknowledge, Dispatch, ArriveOnSite, Resolve }

/// <summary>
/// The response chain as a state machine: raised → acknowledged → dispatched → on-site → resolved. A step may not be
/// skipped, except that an alarm can be resolved from any open state (a false alarm cleared on the phone, a test),
/// and a hand-off to 120 / 110 may be resolved without our own people on site.
/// </summary>
public static class AlarmLifecycle
{
    public static AlarmStatus? Next(AlarmStatus from, AlarmAction action) => (from, action) switch
    {
        (AlarmStatus.Raised, AlarmAction.Acknowledge) => AlarmStatus.Acknowledged,
        (AlarmStatus.Acknowledged, AlarmAction.Dispatch) => AlarmStatus.Dispatched,
        (AlarmStatus.Dispatched, AlarmAction.ArriveOnSite) => AlarmStatus.OnSite,
        (not AlarmStatus.Resolved, AlarmAction.Resolve) => AlarmStatus.Resolved,
        _ => null,
    };

    /// <summary>The Chinese reason a step is refused, for ProblemDetails.</summary>
    public static string Refusal(AlarmStatus from, AlarmAction action) => from == AlarmStatus.Resolved
        ? "该报警已处置完毕，不能再操作。"
        : $"报警当前为「{AlarmLabels.Of(from)}」，不能{AlarmLabels.Of(action)}。";

    public static IReadOnlyList<AlarmAction> Allowed(AlarmStatus from) =>
        Enum.GetValues<AlarmAction>().Where(a => Next(from, a) is not null).ToList();
}

/// <summary>Chinese names of the alarm vocabulary.</summary>
public static class AlarmLabels
{
    public static string Of(AlarmStatus s) => s switch
    {
        AlarmStatus.Raised => "待接警",
        AlarmStatus.Acknowledged => "已接警",
        AlarmStatus.Dispatched => "已派单",
        AlarmStatus.OnSite => "已到场",
        AlarmStatus.Resolved => "已处置",
        _ => s.ToString(),
    };

    public static string Of(AlarmAction a) => a switch
    {
        AlarmAction.Acknowledge => "接警",
        AlarmAction.Dispatch => "派单",
        AlarmAction.ArriveOnSite => "确认到场",
        AlarmAction.Resolve => "处置完毕",
        _ => a.ToString(),
    };

    public static string Of(AlarmKind k) => k switch
    {
        AlarmKind.Sos => "一键呼救",
        AlarmKind.Fall => "跌倒",
        AlarmKind.Smoke => "烟雾报警",
        AlarmKind.Gas => "燃气报警",
        AlarmKind.Inactivity => "长时间无活动",
        AlarmKind.HeartRate => "心率异常",
        _ => k.ToString(),
    };

    public static string Of(ResponderKind r) => r switch
    {
        ResponderKind.StationHelper => "站点助老员",
        ResponderKind.Caregiver => "护理员",
        ResponderKind.FamilyContact => "家属联系人",
        ResponderKind.Handoff120 => "转 120 急救",
        ResponderKind.Handoff110 => "转 110 报警",
        _ => r.ToString(),
    };

    public static string Of(AlarmOutcome o) => o switch
    {
        AlarmOutcome.RealEmergency => "真实紧急情况",
        AlarmOutcome.FalseAlarm => "误报",
        AlarmOutcome.Test => "测试",
        _ => o.ToString(),
    };

    public static string Of(DeviceKind k) => k switch
    {
        DeviceKind.OneKeyTerminal => "一键呼叫终端",
        DeviceKind.SmartWatch => "智能手表",
        DeviceKind.FallDetector => "跌倒报警器",
        DeviceKind.SmokeDetector => "烟雾报警器",
        DeviceKind.GasDetector => "燃气报警器",
        DeviceKind.DoorSensor => "门磁",
        _ => k.ToString(),
    };
}
