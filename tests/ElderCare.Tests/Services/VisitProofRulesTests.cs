using ElderCare.Web.Features.Services;

namespace ElderCare.Tests.Services;

/// <summary>The rules of a visit recorded on the phone (VisitProofRules), each quoted.</summary>
public class VisitProofRulesTests
{
    [Fact]
    public void Typing_a_position_by_hand_needs_a_reason_and_a_phone_position_does_not()
    {
        Assert.Null(VisitProofRules.PositionProblem(typed: false, reason: null));
        Assert.NotNull(VisitProofRules.PositionProblem(typed: true, reason: null));
        Assert.NotNull(VisitProofRules.PositionProblem(typed: true, reason: "  无法 "));
        Assert.Contains("原因", VisitProofRules.PositionProblem(typed: true, reason: "")!, StringComparison.Ordinal);
        Assert.Null(VisitProofRules.PositionProblem(typed: true, reason: "手机无法定位"));
    }

    [Fact]
    public void A_typed_position_flags_the_visit_with_each_reason_and_none_typed_is_no_flag()
    {
        Assert.Null(VisitProofRules.TypedFlag(null, null));
        var flag = VisitProofRules.TypedFlag("手机无法定位", null)!;
        Assert.Equal(VisitProofRules.TypedPositionFlag, flag.Code);
        Assert.Contains("签到位置为手工填写（原因：手机无法定位）", flag.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("签退", flag.Detail, StringComparison.Ordinal);
        var both = VisitProofRules.TypedFlag("地下室没有信号", "山区信号差")!;
        Assert.Contains("签到位置为手工填写（原因：地下室没有信号）", both.Detail, StringComparison.Ordinal);
        Assert.Contains("签退位置为手工填写（原因：山区信号差）", both.Detail, StringComparison.Ordinal);
        Assert.Equal("位置为手工填写", VisitFlags.Name(VisitProofRules.TypedPositionFlag));
    }

    [Fact]
    public void Checklist_completeness_names_the_steps_left_unticked_in_the_lists_order()
    {
        string[] steps = ["调节水温", "协助脱衣", "洗浴", "擦干更衣"];
        Assert.Empty(VisitProofRules.Missing(steps, steps.Reverse()));
        Assert.Null(VisitProofRules.ChecklistFlagOf(steps, steps));
        Assert.Null(VisitProofRules.ChecklistFlagOf([], [])); // an item without a checklist
        Assert.Equal(["协助脱衣", "擦干更衣"], VisitProofRules.Missing(steps, ["洗浴", "调节水温"]));
        var flag = VisitProofRules.ChecklistFlagOf(steps, ["洗浴", "调节水温"])!;
        Assert.Equal(VisitProofRules.ChecklistFlag, flag.Code);
        Assert.Contains("未勾选：协助脱衣、擦干更衣", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tick_must_name_a_step_of_the_items_checklist()
    {
        string[] steps = ["调节水温", "洗浴"];
        Assert.Empty(VisitProofRules.Unknown(steps, ["洗浴"]));
        Assert.Equal(["理发"], VisitProofRules.Unknown(steps, ["洗浴", "理发", "理发"]));
    }

    [Fact]
    public void Closing_needs_the_elders_signature_or_the_elders_code()
    {
        Assert.Null(VisitProofRules.ClosingProblem(confirmedByCode: true, signed: false));
        Assert.Null(VisitProofRules.ClosingProblem(confirmedByCode: false, signed: true));
        Assert.Null(VisitProofRules.ClosingProblem(confirmedByCode: true, signed: true));
        Assert.Contains("签名", VisitProofRules.ClosingProblem(confirmedByCode: false, signed: false)!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checklist_as_edited_drops_blank_lines_and_repeats_and_is_bounded()
    {
        var (steps, problem) = VisitProofRules.Steps([" 调节水温 ", "", null, "洗浴", "洗浴"]);
        Assert.Null(problem);
        Assert.Equal(["调节水温", "洗浴"], steps);
        Assert.NotNull(VisitProofRules.Steps(Enumerable.Range(1, VisitProofRules.MaxSteps + 1).Select(i => $"步骤{i}")).Problem);
        Assert.NotNull(VisitProofRules.Steps([new string('长', VisitProofRules.StepMaxLength + 1)]).Problem);
        Assert.Empty(VisitProofRules.Steps([]).Steps);
    }
}
