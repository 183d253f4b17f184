namespace ElderCare.Web.Features.Evaluations;

/// <summary>Chinese names of the evaluation vocabulary, for messages, pages and exports.</summary>
public static class EvaluationLabels
{
    public static string Of(EvaluationKind k) => k == EvaluationKind.Annual ? "年度服务质量评估" : "建设验收";

    public static string Of(EvaluationGrade g) => g switch
    {
        EvaluationGrade.Excellent => "优秀",
        EvaluationGrade.Good => "良好",
        EvaluationGrade.Pass => "合格",
        _ => "不合格",
    };

    public static string Of(IndicatorGroup g) => g switch
    {
        IndicatorGroup.Staffing => "人员配备",
        IndicatorGroup.ServiceContent => "服务内容",
        IndicatorGroup.Quality => "服务质量",
        _ => "群众反馈",
    };

    public static string Of(EvaluationStatus s) => s switch
    {
        EvaluationStatus.Draft => "草稿",
        EvaluationStatus.Submitted => "已提交",
        EvaluationStatus.Objected => "有异议",
        _ => "已审定",
    };

    /// <summary>The badge colour of a status: approved green, objected amber, else grey.</summary>
    public static string Tone(EvaluationStatus s) => s switch
    {
        EvaluationStatus.Approved => "green",
        EvaluationStatus.Objected => "amber",
        _ => "grey",
    };
}
