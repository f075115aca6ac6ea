using AngleSharp.Html.Dom;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Rollover;

/// <summary>The clock and the form moves the rollover tests share.</summary>
internal static class RolloverWorld
{
    /// <summary>Tuesday 15 June 2027: the rollover of 2026-2027 (the test clock's year) is open.</summary>
    public static readonly DateTimeOffset June = new(2027, 6, 15, 8, 0, 0, TimeSpan.Zero);

    public const string NextYear = "2027-2028";

    public static string Url(SchoolBuilder school) => $"/school/{school.Id}/rollover";

    /// <summary>Runs <paramref name="body"/> with the clock at <paramref name="at"/>, and puts it back for the next test.</summary>
    public static async Task AtAsync(TestApp app, DateTimeOffset at, Func<Task> body)
    {
        app.Clock.Set(at);
        try
        {
            await body();
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
    }

    /// <summary>The name of one of a group's fields in the plan form ("groups[1].leaves").</summary>
    public static string Field(Page page, Guid groupId, string field)
    {
        var hidden = page.Find($"#plan input[type=hidden][value='{groupId}']") ?? throw new InvalidOperationException($"No group {groupId} in the plan");
        return hidden.GetAttribute("name")!.Replace("groupId", field, StringComparison.Ordinal);
    }

    public static string? NewName(Page page, Guid groupId) =>
        page.Find($"#carried li[data-group='{groupId}'] .new-name")?.TextContent.Trim();

    public static bool Leaves(Page page, Guid groupId) =>
        page.Find($"#plan li[data-group='{groupId}']")?.GetAttribute("data-leaves") == "true";

    /// <summary>Sends the plan form as it stands with <paramref name="fields"/> changed, to Preview or (with the confirm button) Confirm.</summary>
    public static async Task<Page> SendPlanAsync(AppClient client, Page page, bool confirm, Dictionary<string, string>? fields = null)
    {
        var form = page.Find("form#plan") as IHtmlFormElement ?? throw new InvalidOperationException($"No plan on {page.Url}");
        var values = AppClient.FormValues(form);
        foreach (var (name, value) in fields ?? [])
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = confirm
            ? page.Find("#confirm-button")?.GetAttribute("formaction") ?? throw new InvalidOperationException("No confirm button")
            : form.GetAttribute("action")!;
        return await client.PostAsync(action, values);
    }

    public static Task<Page> ConfirmAsync(AppClient client, Page page, Dictionary<string, string>? fields = null) =>
        SendPlanAsync(client, page, confirm: true, new Dictionary<string, string>(fields ?? []) { ["sure"] = "true" });

    /// <summary>Everything of one school year, to show a run left it as it was.</summary>
    public static Task<string> SnapshotAsync(TestApp app, Guid schoolId) => app.WithDbAsync(async db =>
    {
        var years = await db.SchoolYears.Where(y => y.SchoolId == schoolId).OrderBy(y => y.StartsOn).Select(y => y.Name).ToListAsync();
        var groups = await db.Groups.Where(g => g.SchoolId == schoolId).OrderBy(g => g.Id).Select(g => $"{g.Id}:{g.Name}:{g.Level}:{g.SchoolYearId}").ToListAsync();
        var enrollments = await db.Enrollments.Where(e => e.SchoolId == schoolId).OrderBy(e => e.Id).Select(e => $"{e.StudentId}:{e.GroupId}:{e.SchoolYearId}").ToListAsync();
        var staff = await db.StaffAssignments.Where(a => a.SchoolId == schoolId).OrderBy(a => a.Id).Select(a => $"{a.StaffMemberId}:{a.Role}:{a.GroupId}").ToListAsync();
        var leavers = await db.Leavers.CountAsync(l => l.SchoolId == schoolId);
        var rollovers = await db.YearRollovers.CountAsync(r => r.SchoolId == schoolId);
        return string.Join('\n', [.. years, .. groups, .. enrollments, .. staff, $"leavers {leavers}", $"rollovers {rollovers}"]);
    });

    /// <summary>Next year's groups with their students' ids, by group name.</summary>
    public static Task<Dictionary<string, (int? Level, List<Guid> Students)>> NextYearAsync(TestApp app, Guid schoolId) => app.WithDbAsync(async db =>
    {
        var year = await db.SchoolYears.SingleAsync(y => y.SchoolId == schoolId && y.Name == NextYear);
        var groups = await db.Groups.Where(g => g.SchoolYearId == year.Id).ToListAsync();
        var enrolled = await db.Enrollments.Where(e => e.SchoolYearId == year.Id).ToListAsync();
        return groups.ToDictionary(g => g.Name, g => (g.Level, enrolled.Where(e => e.GroupId == g.Id).Select(e => e.StudentId).Order().ToList()));
    });

    /// <summary>The staff members who lead a group of next year, as "staff:role:group name".</summary>
    public static Task<List<string>> NextYearLeadsAsync(TestApp app, Guid schoolId) => app.WithDbAsync(db =>
        db.StaffAssignments.Where(a => a.SchoolId == schoolId)
            .Join(db.Groups, a => a.GroupId, g => (Guid?)g.Id, (a, g) => new { a, g })
            .Join(db.SchoolYears.Where(y => y.Name == NextYear), x => x.g.SchoolYearId, y => y.Id, (x, y) => $"{x.a.StaffMemberId}:{x.a.Role}:{x.g.Name}")
            .ToListAsync());

    /// <summary>A leader of the school, signed in (leaders sign in with a second step, so sign in after moving the clock).</summary>
    public static async Task<(Person Leader, AppClient Client)> LeaderAsync(TestApp app, SchoolBuilder school)
    {
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        return (leader, await app.SignInAsync(leader.Email!));
    }

    public static int Count(Page page, string selector) => int.Parse(page.Find(selector)!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
