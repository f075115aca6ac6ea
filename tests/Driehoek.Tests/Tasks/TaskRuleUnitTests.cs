using Driehoek.Web.Features.Grades;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Tests.Tasks;

/// <summary>The small rules under the tasks, without a database: quiet hours, grade values, the order of periods.</summary>
public sealed class TaskRuleUnitTests
{
    [Theory]
    // Winter time (UTC+1): 22:30 in Amsterdam waits until 07:00 the next morning, 06:00 until 07:00 that morning.
    [InlineData("2026-11-13T21:30:00Z", "21:00", "07:00", "2026-11-14T06:00:00Z")]
    [InlineData("2026-11-14T05:00:00Z", "21:00", "07:00", "2026-11-14T06:00:00Z")]
    [InlineData("2026-11-14T11:00:00Z", "21:00", "07:00", null)]
    // Quiet hours within one day (a lunch break), and none at all.
    [InlineData("2026-11-14T12:00:00Z", "12:00", "14:00", "2026-11-14T13:00:00Z")]
    [InlineData("2026-11-14T13:00:00Z", "12:00", "14:00", null)]
    [InlineData("2026-11-14T21:30:00Z", "07:00", "07:00", null)]
    // Summer time (UTC+2).
    [InlineData("2027-06-01T20:00:00Z", "21:00", "07:00", "2027-06-02T05:00:00Z")]
    public void Mail_waits_until_quiet_hours_end(string now, string start, string end, string? expected)
    {
        var result = QuietHours.EndOf(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null ? null : DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), result);
    }

    [Theory]
    [InlineData("5,4", 540)]
    [InlineData("5.45", 545)]
    [InlineData(" 10 ", 1000)]
    [InlineData("1", 100)]
    [InlineData("0,9", null)]
    [InlineData("10,1", null)]
    [InlineData("5,456", null)]
    [InlineData("1e1", null)]
    [InlineData("-5", null)]
    [InlineData("5,4,3", null)]
    [InlineData("", null)]
    public void A_report_grade_is_read_in_hundredths_from_1_to_10(string text, int? expected)
    {
        var ok = GradeValue.TryHundredths(text, out var hundredths);
        Assert.Equal(expected, ok ? hundredths : null);
    }

    [Theory]
    [InlineData(540, "5,4")]
    [InlineData(600, "6")]
    [InlineData(675, "6,75")]
    public void A_grade_is_written_as_a_Dutch_report_writes_it(int hundredths, string expected) =>
        Assert.Equal(expected, GradeValue.Format(hundredths));

    [Theory]
    [InlineData("P1", "P2")]
    [InlineData("Periode 9", "Periode 10")]
    [InlineData("Rapport 1", "Rapport 2")]
    [InlineData("Kerst", "Zomer")]
    public void Periods_are_ordered_by_their_number(string earlier, string later)
    {
        Assert.True(PeriodOrder.Compare(earlier, later) < 0);
        Assert.True(PeriodOrder.Compare(later, earlier) > 0);
    }
}
