using Driehoek.Web.Features.Conversations;

namespace Driehoek.Tests.Conversations;

/// <summary>The date a reply to a request is promised by: school days (Monday to Friday), the same time of day in Amsterdam.</summary>
public sealed class ReplyDateTests
{
    [Theory]
    // Tuesday 10 November 09:00 + 3 → Friday 13 November 09:00.
    [InlineData("2026-11-10T08:00:00Z", 3, "2026-11-13T08:00:00Z")]
    // Friday 10:00 + 1 → Monday 10:00; + 5 → the next Friday.
    [InlineData("2026-11-13T09:00:00Z", 1, "2026-11-16T09:00:00Z")]
    [InlineData("2026-11-13T09:00:00Z", 5, "2026-11-20T09:00:00Z")]
    // Saturday 12:00 + 1 → Monday 12:00.
    [InlineData("2026-11-14T11:00:00Z", 1, "2026-11-16T11:00:00Z")]
    // Across the autumn clock change (25 October): Friday 23 October 10:00 summer time + 3 → Wednesday 28 October 10:00 winter time.
    [InlineData("2026-10-23T08:00:00Z", 3, "2026-10-28T09:00:00Z")]
    public void Counts_school_days_at_the_same_local_time(string asked, int days, string due) =>
        Assert.Equal(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
            ConversationRules.ReplyBy(DateTime.Parse(asked, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), days));
}
