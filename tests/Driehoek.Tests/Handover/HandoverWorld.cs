using AngleSharp.Html.Dom;
using Driehoek.Tests.Agreements;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Handover;

/// <summary>
/// A family of <see cref="RecordWorld.FamilyAsync"/> with next school year made the way the rollover will make it: next
/// year's school year, a group in it with its group teacher, and the child enrolled there.
/// </summary>
internal sealed record HandoverFamily(RecordFamily F, SchoolYear NextYear, Group NextGroup, Person NextTeacher)
{
    public SchoolBuilder School => F.School;
    public Person Child => F.Child;
    public Person Parent => F.Parent;
    public Person Teacher => F.Teacher;
    public string StaffUrl => $"/students/{F.Child.Id}/handover";
    public string ThisYearUrl => $"/students/{F.Child.Id}/handover?year={F.School.Year.Id}";
    public string FamilyUrl => $"/children/{F.Child.Id}/handover";
}

/// <summary>The same child as a student of another school (students are per school): enrolled there next school year.</summary>
internal sealed record Arrival(SchoolBuilder School, SchoolYear Year, Group Group, Person Mentor, Guid StudentId)
{
    public string Url(SchoolYear handedOver) => $"/students/{StudentId}/handover?year={handedOver.Id}";
}

internal static class HandoverWorld
{
    public const string Agreement = "Noor leest elke dag een kwartier.";
    public const string FamilyNote = "Gedeeld: Noor leest graag strips.";
    public const string StaffNote = "Intern: let op de tafels van 7.";
    public const string CareNote = "Zorg: dyslexieonderzoek loopt.";
    public const string NotForHandover = "Niet mee: vergat haar gymtas.";
    public const string Summary = "Samen afgesproken: meer hardop lezen.";

    public static async Task<HandoverFamily> HandoverFamilyAsync(this TestApp app, string language = "nl")
    {
        var f = await app.FamilyAsync(language);
        var next = new SchoolYear
        {
            SchoolId = f.School.Id, Name = $"{f.School.Year.StartsOn.Year + 1}-{f.School.Year.StartsOn.Year + 2}",
            StartsOn = f.School.Year.EndsOn.AddDays(1), EndsOn = f.School.Year.EndsOn.AddYears(1),
        };
        var group = new Group { SchoolId = f.School.Id, SchoolYearId = next.Id, Name = $"Groep 6 {Guid.NewGuid():N}"[..16], Level = 6 };
        await app.WithDbAsync(async db =>
        {
            db.SchoolYears.Add(next);
            db.Groups.Add(group);
            db.Enrollments.Add(new Enrollment { SchoolId = f.School.Id, StudentId = f.Child.Id, GroupId = group.Id, SchoolYearId = next.Id });
            await db.SaveChangesAsync();
        });
        var teacher = await f.School.StaffAsync(StaffRole.GroupTeacher, group);
        return new HandoverFamily(f, next, group, teacher);
    }

    /// <summary>
    /// This year's data: an open agreement, four notes (three marked for the handover: shared, staff-only, care), and an
    /// end conversation held with a summary for the family and support level 2.
    /// </summary>
    public static async Task YearDataAsync(this TestApp app, HandoverFamily h)
    {
        await app.AgreementAsync(h.Teacher.Email!, h.Child.Id, "student", Agreement);
        using (var teacher = await app.SignInAsync(h.Teacher.Email!))
        {
            foreach (var (visibility, text, forHandover) in new[]
                     {
                         ("Family", FamilyNote, true), ("Staff", StaffNote, true), ("Care", CareNote, true), ("Staff", NotForHandover, false),
                     })
            {
                var fields = new Dictionary<string, string> { ["Text"] = text, ["Visibility"] = visibility };
                if (forHandover)
                {
                    fields["ForHandover"] = "true";
                }
                var saved = await teacher.SubmitAsync($"/students/{h.Child.Id}/notes", fields);
                Assert.Empty(saved.Errors);
            }
        }
        var booking = await app.ConversationAsync(h.School, h.F.Group, h.Teacher, h.Child, h.Parent, ConversationForm.TenMinute, RoundKind.End, 60);
        await app.WithDbAsync(async db =>
        {
            var round = await db.Bookings.Where(b => b.Id == booking).Join(db.Rounds, b => b.RoundId, r => r.Id, (b, r) => r).SingleAsync();
            round.Handover = true;
            db.ConversationRecords.Add(new ConversationRecord
            {
                SchoolId = h.School.Id, BookingId = booking, StudentId = h.Child.Id, Form = AgendaForm.End, Entries = "[]",
                SharedSummary = Summary, SupportLevel = 2, UpdatedByName = h.Teacher.Name, CreatedAt = TestClock.Start.UtcDateTime,
                UpdatedAt = TestClock.Start.UtcDateTime, Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A start conversation of next year's teacher with the family, in a round of next year that carries the handover.</summary>
    public static async Task<(Guid BookingId, Guid RoundId)> StartConversationAsync(this TestApp app, HandoverFamily h)
    {
        var booking = await app.ConversationAsync(h.School, h.NextGroup, h.NextTeacher, h.Child, h.Parent, ConversationForm.StartConversation,
            RoundKind.Start, 5);
        var roundId = await app.WithDbAsync(async db =>
        {
            var round = await db.Bookings.Where(b => b.Id == booking).Join(db.Rounds, b => b.RoundId, r => r.Id, (b, r) => r).SingleAsync();
            round.SchoolYearId = h.NextYear.Id;
            round.Handover = true;
            await db.SaveChangesAsync();
            return round.Id;
        });
        return (booking, roundId);
    }

    /// <summary>Compiles this year's handover as the outgoing teacher; the review page after it.</summary>
    public static async Task<Page> CompileAsync(this AppClient teacher, HandoverFamily h)
    {
        var page = await teacher.GetAsync(h.ThisYearUrl);
        var compiled = await teacher.SubmitAsync(page, new(), "form[action*='handler=Compile']");
        Assert.True(compiled.Errors.Count == 0, string.Join("; ", compiled.Errors));
        return compiled;
    }

    /// <summary>This year's teacher compiles the handover and releases it as compiled.</summary>
    public static async Task ReleaseAsync(this TestApp app, HandoverFamily h)
    {
        using var teacher = await app.SignInAsync(h.Teacher.Email!);
        var review = await teacher.CompileAsync(h);
        var released = await teacher.ReviewAsync(review, exclude: [], release: true);
        Assert.True(released.Errors.Count == 0, string.Join("; ", released.Errors));
    }

    /// <summary>Sends the review form as it stands, with the items whose text holds one of <paramref name="exclude"/> unticked.</summary>
    public static Task<Page> ReviewAsync(this AppClient teacher, Page page, string[] exclude, string line = "", bool release = false)
    {
        var form = (IHtmlFormElement)(page.Find("form.handover-review") ?? throw new InvalidOperationException("No review form on " + page.Url));
        var values = AppClient.FormValues(form);
        foreach (var label in form.QuerySelectorAll(".handover-item"))
        {
            if (exclude.Any(x => label.TextContent.Contains(x, StringComparison.Ordinal)))
            {
                var id = label.QuerySelector("input")!.GetAttribute("value");
                values.RemoveAll(v => v.Key == "include" && v.Value == id);
            }
        }
        values.RemoveAll(v => v.Key == "line");
        values.Add(new("line", line));
        values.Add(new("release", release ? "true" : "false"));
        return teacher.PostAsync(page.Url.PathAndQuery, values);
    }

    /// <summary>
    /// Noor's last year at the primary school, released by her teacher, and Noor again as a student of <paramref name="to"/>
    /// next year (the same name and date of birth; by default at a secondary school of the board), whose guardian is
    /// <paramref name="guardian"/>'s (by default her parent).
    /// </summary>
    public static async Task<(HandoverFamily H, Arrival At)> MovesWithinBoardAsync(this TestApp app, bool boardAllows, Func<RecordFamily, Task<SchoolBuilder>>? to = null,
        Func<SchoolBuilder, Task<Person>>? guardian = null)
    {
        var f = await app.FamilyAsync();
        var school = to is null ? await app.World.SchoolAsync(SchoolKind.Secondary, f.School.BoardId) : await to(f);
        var guardianId = guardian is null ? f.Parent.Id : (await guardian(school)).Id;
        var year = new SchoolYear
        {
            SchoolId = school.Id, Name = $"{f.School.Year.StartsOn.Year + 1}-{f.School.Year.StartsOn.Year + 2}",
            StartsOn = f.School.Year.EndsOn.AddDays(1), EndsOn = f.School.Year.EndsOn.AddYears(1),
        };
        var group = new Group { SchoolId = school.Id, SchoolYearId = year.Id, Name = $"1B {Guid.NewGuid():N}"[..12], Level = 1 };
        var studentId = await app.WithDbAsync(async db =>
        {
            var noor = await db.Students.SingleAsync(s => s.Id == f.Child.Id);
            var arrived = new Student
            {
                SchoolId = school.Id, ExternalId = $"new-{Guid.NewGuid():N}"[..16], FirstName = noor.FirstName, LastName = noor.LastName,
                DateOfBirth = noor.DateOfBirth,
            };
            db.SchoolYears.Add(year);
            db.Groups.Add(group);
            db.Students.Add(arrived);
            db.Enrollments.Add(new Enrollment { SchoolId = school.Id, StudentId = arrived.Id, GroupId = group.Id, SchoolYearId = year.Id });
            db.Guardianships.Add(new Guardianship { SchoolId = school.Id, StudentId = arrived.Id, GuardianId = guardianId });
            await db.Boards.Where(b => b.Id == f.School.BoardId).ExecuteUpdateAsync(s => s.SetProperty(b => b.HandoverFollowsStudent, boardAllows));
            await db.SaveChangesAsync();
            return arrived.Id;
        });
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        // Next year's group, teacher and year of the handover family are the new school's: Noor is not carried at her old school.
        var h = new HandoverFamily(f, year, group, mentor);
        await app.YearDataAsync(h);
        await app.ReleaseAsync(h);
        return (h, new Arrival(school, year, group, mentor, studentId));
    }
}
