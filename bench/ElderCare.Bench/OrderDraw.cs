namespace ElderCare.Bench;

/// <summary>
/// How the bench data sets draw a past service order's outcome from its start: 88 % completed (85 % of those verified, 5 %
/// checked in 10 minutes late), 2 % missed, 10 % cancelled; half of them subsidised in full.
/// </summary>
internal readonly record struct OrderDraw(string Status, bool Completed, bool Verified, bool Late, long Subsidy, DateTime CheckIn,
    DateTime CheckOut)
{
    public static OrderDraw Of(Random rng, DateTime start, int minutes, long price)
    {
        var roll = rng.Next(100);
        var status = roll < 88 ? "Completed" : roll < 90 ? "Missed" : "Cancelled";
        var completed = status == "Completed";
        var verified = completed && rng.Next(100) < 85;
        var late = completed && rng.Next(100) < 5;
        var subsidy = rng.Next(2) == 0 ? price : 0;
        var checkIn = start.AddMinutes(late ? 10 : rng.Next(5));
        return new(status, completed, verified, late, subsidy, checkIn, checkIn.AddMinutes(minutes));
    }
}
