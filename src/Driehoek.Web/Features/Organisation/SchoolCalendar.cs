using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Features.Organisation;

public static class SchoolCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The year that contains today, else the most recent one that started, else the first.</summary>
    public static async Task<SchoolYear?> CurrentYearAsync(AppDbContext db, Guid schoolId, DateOnly today, CancellationToken ct)
    {
        var years = await db.SchoolYears.AsNoTracking().Where(y => y.SchoolId == schoolId).ToListAsync(ct);
        return years.FirstOrDefault(y => y.StartsOn <= today && today <= y.EndsOn)
               ?? years.Where(y => y.StartsOn <= today).MaxBy(y => y.StartsOn)
               ?? years.MinBy(y => y.StartsOn);
    }

    /// <summary>Dutch school years run from 1 August to 31 July and are named "2026-2027".</summary>
    public static (string Name, DateOnly Start, DateOnly End) YearContaining(DateOnly date)
    {
        var startYear = date.Month >= 8 ? date.Year : date.Year - 1;
        return ($"{startYear}-{startYear + 1}", new DateOnly(startYear, 8, 1), new DateOnly(startYear + 1, 7, 31));
    }
}
