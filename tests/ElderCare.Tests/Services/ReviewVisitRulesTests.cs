using ElderCare.Web.Features.Services;

namespace ElderCare.Tests.Services;

public class ReviewVisitRulesTests
{
    [Fact]
    public void Only_a_completed_flagged_visit_can_be_reviewed_and_only_once()
    {
        Assert.Null(ReviewVisit.Refusal(OrderStatus.Completed, Verification.Flagged, reviewed: false));
        Assert.NotNull(ReviewVisit.Refusal(OrderStatus.Completed, Verification.Flagged, reviewed: true));
        Assert.NotNull(ReviewVisit.Refusal(OrderStatus.Completed, Verification.Verified, reviewed: false));
        Assert.NotNull(ReviewVisit.Refusal(OrderStatus.InProgress, Verification.Pending, reviewed: false));
        Assert.NotNull(ReviewVisit.Refusal(OrderStatus.Missed, Verification.Pending, reviewed: false));
    }

    [Fact]
    public void Accepted_needs_a_reason_rejected_does_not()
    {
        Assert.True(ReviewVisit.Check(new ReviewVisit.Input(ReviewOutcome.Accepted, null)).Any);
        Assert.True(ReviewVisit.Check(new ReviewVisit.Input(ReviewOutcome.Accepted, "  好 ")).Any);
        Assert.False(ReviewVisit.Check(new ReviewVisit.Input(ReviewOutcome.Accepted, "老人电话确认已上门")).Any);
        Assert.False(ReviewVisit.Check(new ReviewVisit.Input(ReviewOutcome.Rejected, null)).Any);
        Assert.True(ReviewVisit.Check(new ReviewVisit.Input(null, "理由充分的说明")).Any);
        Assert.True(ReviewVisit.Check(new ReviewVisit.Input(ReviewOutcome.Rejected, new string('长', 301))).Any);
    }
}
