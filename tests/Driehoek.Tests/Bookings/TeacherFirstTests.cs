using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Bookings;

/// <summary>A secondary family's booking page, teacher first: pick the teachers, then book a suggested evening in one go.</summary>
public abstract class TeacherFirstTests(TestApp app)
{
    /// <summary>Sam (mentor and three subject teachers) and his sister Noor (another group, her own mentor) in one round, at most two subject teachers each.</summary>
    internal sealed record Secondary(SchoolBuilder School, Group Group, ConversationRound Round, Person Sam, Person Noor, Person Parent,
        Person Mentor, Person English, Person Maths, Person Dutch, Person NoorsMentor, Dictionary<Guid, List<Slot>> Slots)
    {
        public string Pick(Person child, Person teacher) => $"t={TeacherKey.Format(child.Id, teacher.Id)}";

        public string Url(params string[] picks) => $"/rounds/{Round.Id}/book" + (picks.Length == 0 ? "" : "?" + string.Join("&", picks));
    }

    private async Task<Secondary> SecondaryAsync()
    {
        var school = await app.World.SchoolAsync();
        var (group, noorsGroup) = (await school.GroupAsync("3a", level: 3), await school.GroupAsync("1b", level: 1));
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var english = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Engels");
        var maths = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Wiskunde");
        var dutch = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Nederlands");
        var noorsMentor = await school.StaffAsync(StaffRole.Mentor, noorsGroup);
        var sam = await school.StudentAsync(group, "Sam");
        var noor = await school.StudentAsync(noorsGroup, "Noor");
        var parent = await school.GuardianAsync([sam, noor]);
        var round = await school.OpenRoundAsync([group, noorsGroup],
            Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest, maxSubjectTeachers: 2);
        var slots = new Dictionary<Guid, List<Slot>>();
        foreach (var teacher in new[] { mentor, english, maths, dutch, noorsMentor })
        {
            slots[teacher.Id] = [
                .. await school.SlotsAsync(round, teacher, 6),
                .. await school.SlotsAsync(round, teacher, 6, day: RoundBuilder.FirstDay.AddDays(1)),
            ];
        }
        return new Secondary(school, group, round, sam, noor, parent, mentor, english, maths, dutch, noorsMentor, slots);
    }

    private static List<string> Suggested(Page page) =>
        page.FindAll("select[name=pick] option[selected]").Select(o => o.GetAttribute("value")!).ToList();

    private static Guid SlotOf(string pick) => Guid.ParseExact(pick.Split('.')[1], "N");

    [Fact]
    public async Task A_secondary_family_first_picks_teachers_with_the_mentor_ticked_and_then_sees_only_their_times()
    {
        var s = await SecondaryAsync();
        using var parent = await app.SignInAsync(s.Parent.Email!);

        var first = await parent.GetAsync(s.Url());
        var chosen = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.English)));

        Assert.Empty(first.FindAll("a.slot"));
        Assert.Empty(first.FindAll("select[name=pick]"));
        Assert.Equal(5, first.FindAll("input[type=checkbox][name=t]").Count());
        var ticked = first.FindAll("input[type=checkbox][name=t][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(new[] { TeacherKey.Format(s.Sam.Id, s.Mentor.Id), TeacherKey.Format(s.Noor.Id, s.NoorsMentor.Id) }.Order(), ticked.Order());
        var selects = chosen.FindAll("select[name=pick]").ToList();
        Assert.Equal(2, selects.Count);
        var offered = chosen.FindAll("select[name=pick] option[value]").Select(o => o.GetAttribute("value")!).Where(v => v != "").Select(SlotOf).ToHashSet();
        Assert.Equal(s.Slots[s.Mentor.Id].Concat(s.Slots[s.English.Id]).Select(x => x.Id).ToHashSet(), offered);
        Assert.Contains("Boek deze 2 gesprekken", chosen.Main);
    }

    [Fact]
    public async Task The_suggested_evening_has_no_clashes_and_sits_next_to_the_siblings_conversation()
    {
        var s = await SecondaryAsync();
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var noors = s.Slots[s.NoorsMentor.Id].Single(x => x.StartsAt == s.Slots[s.Mentor.Id][2].StartsAt); // 19:20 on the first day
        await parent.BookAsync(s.Round.Id, s.Noor.Id, noors.Id);

        var page = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.English), s.Pick(s.Sam, s.Maths)));

        var all = s.Slots.Values.SelectMany(x => x).ToDictionary(x => x.Id);
        var suggested = Suggested(page).Select(SlotOf).Select(id => all[id]).ToList();
        Assert.Equal(3, suggested.Count);
        Assert.Equal(new[] { s.Mentor.Id, s.English.Id, s.Maths.Id }.Order(), suggested.Select(x => x.StaffMemberId).Order());
        // One block on Noor's evening: Noor's conversation and Sam's three, back to back, none at the same time.
        var block = suggested.Select(x => (x.StartsAt, x.EndsAt)).Append((noors.StartsAt, noors.EndsAt)).OrderBy(x => x.StartsAt).ToList();
        for (var i = 1; i < block.Count; i++)
        {
            Assert.Equal(block[i - 1].EndsAt, block[i].StartsAt);
        }
        Assert.Contains("geboekt", page.Find("ol.evening")!.TextContent);
    }

    [Fact]
    public async Task Booking_the_suggested_evening_makes_every_booking_with_a_confirmation()
    {
        var s = await SecondaryAsync();
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.English), s.Pick(s.Noor, s.NoorsMentor)));
        var suggested = Suggested(page).Select(SlotOf).ToHashSet();

        var booked = await parent.SubmitAsync(page, new());

        Assert.Contains("Uw gesprekken zijn geboekt", booked.Main);
        var made = await app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == s.Round.Id && b.ActiveSlotId != null).Select(b => b.ActiveSlotId!.Value).ToListAsync());
        Assert.Equal(suggested, made.ToHashSet());
        Assert.Equal(3, made.Count);
        Assert.Equal(3, booked.FindAll("#booked-heading + ul li").Count());
        await Mailbox.WaitForAsync(app, s.Parent.Email!, m => m.Subject.StartsWith("Afspraak bevestigd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Past_the_cap_of_subject_teachers_the_family_reads_why_and_nothing_is_booked()
    {
        var s = await SecondaryAsync();
        using var parent = await app.SignInAsync(s.Parent.Email!);

        var page = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.English), s.Pick(s.Sam, s.Maths), s.Pick(s.Sam, s.Dutch)));
        var token = await parent.TokenAsync(s.Url(s.Pick(s.Sam, s.English)));
        var forged = await parent.PostAsync($"/rounds/{s.Round.Id}/book?handler=BookAll", [
            new("__RequestVerificationToken", token),
            new("pick", TeacherKey.Format(s.Sam.Id, s.Slots[s.English.Id][0].Id)),
            new("pick", TeacherKey.Format(s.Sam.Id, s.Slots[s.Maths.Id][1].Id)),
            new("pick", TeacherKey.Format(s.Sam.Id, s.Slots[s.Dutch.Id][2].Id)),
        ]);

        Assert.Contains(page.Errors, e => e.Contains("Voor Sam kunt u ten hoogste 2 vakdocenten kiezen", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("select[name=pick]"));
        Assert.Contains(forged.Errors, e => e.Contains("ten hoogste 2 vakdocenten", StringComparison.Ordinal));
        Assert.Contains(forged.Errors, e => e.Contains("niets geboekt", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == s.Round.Id)));
    }

    [Fact]
    public async Task Another_family_cannot_see_or_book_a_childs_teachers_through_the_page()
    {
        var s = await SecondaryAsync();
        var classmate = await s.School.StudentAsync(s.Group, "Lina");
        var other = await s.School.GuardianAsync([classmate]);
        using var stranger = await app.SignInAsync(other.Email!);

        var own = await stranger.GetAsync(s.Url(s.Pick(classmate, s.Mentor)));
        var look = await stranger.StatusAsync(s.Url(s.Pick(s.Sam, s.Mentor)));
        var book = await stranger.PostAsync($"/rounds/{s.Round.Id}/book?handler=BookAll", [
            new("__RequestVerificationToken", await stranger.TokenAsync(s.Url(s.Pick(classmate, s.Mentor)))),
            new("pick", TeacherKey.Format(s.Sam.Id, s.Slots[s.Mentor.Id][0].Id)),
        ]);
        var nonsense = await stranger.StatusAsync($"/rounds/{s.Round.Id}/book?t=not-a-choice&t={Guid.NewGuid():N}.{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Single(own.FindAll("select[name=pick]"));
        Assert.Equal(HttpStatusCode.NotFound, look);
        Assert.Equal(HttpStatusCode.NotFound, book.Status);
        Assert.Equal(HttpStatusCode.OK, nonsense);
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == s.Round.Id)));
    }

    [Fact]
    public async Task A_suggestion_gone_stale_books_nothing_says_which_time_was_taken_and_suggests_again()
    {
        var s = await SecondaryAsync();
        var classmate = await s.School.StudentAsync(s.Group, "Lina");
        var other = await s.School.GuardianAsync([classmate]);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.English)));
        var mentorsTime = Suggested(page).Select(SlotOf).Single(id => s.Slots[s.Mentor.Id].Any(x => x.Id == id));
        using (var quicker = await app.SignInAsync(other.Email!))
        {
            await quicker.BookAsync(s.Round.Id, classmate.Id, mentorsTime);
        }

        var stale = await parent.SubmitAsync(page, new());

        Assert.Contains(stale.Errors, e => e.Contains("Er is niets geboekt", StringComparison.Ordinal) && e.Contains("Sam", StringComparison.Ordinal));
        Assert.Contains(stale.Errors, e => e.Contains("net door iemand anders gekozen", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.StudentId == s.Sam.Id)));
        var again = Suggested(stale).Select(SlotOf).ToList();
        Assert.Equal(2, again.Count);
        Assert.DoesNotContain(mentorsTime, again);
    }

    [Fact]
    public async Task Two_families_booking_the_same_suggested_evening_at_once_get_it_whole_or_not_at_all()
    {
        var s = await SecondaryAsync();
        var classmate = await s.School.StudentAsync(s.Group, "Lina");
        var other = await s.School.GuardianAsync([classmate]);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        using var rival = await app.SignInAsync(other.Email!);
        var ours = await parent.GetAsync(s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.English)));
        var theirs = await rival.GetAsync(s.Url(s.Pick(classmate, s.Mentor), s.Pick(classmate, s.English)));
        Assert.Equal(Suggested(ours).Select(SlotOf), Suggested(theirs).Select(SlotOf));

        var pages = await Task.WhenAll(parent.SubmitAsync(ours, new()), rival.SubmitAsync(theirs, new()));

        var counts = await app.WithDbAsync(async db => new[]
        {
            await db.Bookings.CountAsync(b => b.StudentId == s.Sam.Id), await db.Bookings.CountAsync(b => b.StudentId == classmate.Id),
        });
        Assert.Equal([0, 2], counts.Order().ToArray());
        Assert.Single(pages, p => p.Errors.Any(e => e.Contains("Er is niets geboekt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_chosen_teacher_without_free_times_offers_the_waiting_list_and_the_choice_stays()
    {
        var s = await SecondaryAsync();
        await app.WithDbAsync(db => db.Slots.Where(x => x.StaffMemberId == s.Dutch.Id).ExecuteDeleteAsync());
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var url = s.Url(s.Pick(s.Sam, s.Mentor), s.Pick(s.Sam, s.Dutch));

        var page = await parent.GetAsync(url);
        var waiting = await parent.SubmitAsync(page, new(), "form[action*='handler=Wait']");

        Assert.Single(page.FindAll("select[name=pick]"));
        Assert.Contains("Alle tijden zijn vol", page.Main);
        Assert.Contains("U staat op de wachtlijst", waiting.Main);
        Assert.Single(waiting.FindAll("select[name=pick]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.WaitingList.CountAsync(w => w.StudentId == s.Sam.Id && w.StaffMemberId == s.Dutch.Id)));
    }

    [Fact]
    public async Task A_primary_family_keeps_the_page_with_every_time_of_its_group_teachers_a_duo_too()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var (teacher, duo) = (await school.StaffAsync(StaffRole.GroupTeacher, group), await school.StaffAsync(StaffRole.GroupTeacher, group));
        var child = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([child]);
        var round = await school.OpenRoundAsync([group]);
        await school.SlotsAsync(round, teacher, 2);
        await school.SlotsAsync(round, duo, 2, from: new TimeOnly(20, 0));
        using var client = await app.SignInAsync(parent.Email!);

        var page = await client.GetAsync($"/rounds/{round.Id}/book");

        Assert.Equal(4, page.FindAll("a.slot").Count());
        Assert.Empty(page.FindAll("input[name=t]"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TeacherFirstTests_Sqlite(SqliteApp app) : TeacherFirstTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class TeacherFirstTests_Postgres(PostgresApp app) : TeacherFirstTests(app);
