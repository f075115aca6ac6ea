using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Bookings;

public abstract class BookingTests(TestApp app)
{
    internal sealed record Family(SchoolBuilder School, Group Group, Person Teacher, Person Child, Person Parent, ConversationRound Round, List<Slot> Slots);

    internal async Task<Family> FamilyAsync(int slots = 6, string language = "nl")
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var child = await school.StudentAsync(group, firstName: "Noor");
        var parent = await school.GuardianAsync([child], language: language);
        var round = await school.OpenRoundAsync([group]);
        return new Family(school, group, teacher, child, parent, round, await school.SlotsAsync(round, teacher, slots));
    }

    private static Task<HttpResponseMessage> BookAsync(AppClient client, Guid roundId, Guid studentId, Guid slotId, string? topics = null) =>
        client.Http.PostAsJsonAsync($"/api/v1/rounds/{roundId}/bookings",
            new BookRequest(studentId, slotId, topics, TopicAreas.Wellbeing, null));

    [Fact]
    public async Task Parent_books_a_time_with_topics_and_gets_a_calendar_invitation_in_their_language()
    {
        var f = await FamilyAsync(language: "en");
        using var parent = await app.SignInAsync(f.Parent.Email!);

        var options = await parent.GetAsync($"/rounds/{f.Round.Id}/book");
        Assert.Equal(6, options.FindAll("a.slot").Count());
        var confirm = await parent.GetAsync(options.Find("a.slot")!.GetAttribute("href")!);
        var booked = await parent.SubmitAsync(confirm, new() { ["Topics"] = "Hoe gaat het met rekenen?", ["Areas"] = "Results" });

        Assert.Contains("Hoe gaat het met rekenen?", booked.Main);
        var mail = await Mailbox.WaitForAsync(app, f.Parent.Email!);
        Assert.StartsWith("Booking confirmed", mail.Subject);
        var ics = Assert.Single(mail.Parts, p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content;
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("SEQUENCE:0", ics);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261117T190000", ics); // 18:00 UTC
        var after = await parent.GetAsync($"/rounds/{f.Round.Id}/book");
        Assert.Single(after.FindAll("#booked-heading + ul li"));
        Assert.Empty(after.FindAll("a.slot"));
        var home = await parent.GetAsync("/parent");
        Assert.Contains("Noor", home.Find(".agenda")!.TextContent);
    }

    /// <summary>Every round trip of a booking is paid by every family in the booking rush, on a database the whole school shares.</summary>
    [Fact]
    public async Task Booking_a_time_costs_three_database_commands_on_either_database()
    {
        var f = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var tag = CommandCounts.NewTag();
        _ = CommandCounts.Instance;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{f.Round.Id}/bookings")
        {
            Content = JsonContent.Create(new BookRequest(f.Child.Id, f.Slots[2].Id, "Rekenen", TopicAreas.Results, null)),
        };
        request.Headers.Add(CommandCounts.Header, tag);

        var response = await parent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(CommandCounts.Instance.Of(tag) <= 3, $"{CommandCounts.Instance.Of(tag)} database commands:\n{CommandCounts.Instance.Texts(tag)}");
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == f.Slots[2].Id)));
        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Noor"));
    }

    /// <summary>A lost race is paid for in the rush too: the answer names the teacher's nearest times that fit the family, read in one query.</summary>
    [Fact]
    public async Task A_subject_teachers_time_just_taken_offers_only_times_that_fit_the_family_in_three_database_commands()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var english = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Engels");
        var child = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([child]);
        var rival = await school.StudentAsync(group);
        var rivalParent = await school.GuardianAsync([rival]);
        var round = await school.OpenRoundAsync([group], Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest,
            maxSubjectTeachers: 2);
        var mentorSlot = (await school.SlotsAsync(round, mentor, 1, from: new TimeOnly(19, 0).AddMinutes(round.LengthMinutes))).Single();
        var englishSlots = await school.SlotsAsync(round, english, 4, from: new TimeOnly(19, 0));
        using var client = await app.SignInAsync(parent.Email!);
        using var other = await app.SignInAsync(rivalParent.Email!);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, round.Id, child.Id, mentorSlot.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(other, round.Id, rival.Id, englishSlots[0].Id)).StatusCode);
        var tag = CommandCounts.NewTag();
        _ = CommandCounts.Instance;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{round.Id}/bookings")
        {
            Content = JsonContent.Create(new BookRequest(child.Id, englishSlots[0].Id, null, TopicAreas.None, null)),
        };
        request.Headers.Add(CommandCounts.Header, tag);

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var refused = await response.Content.ReadFromJsonAsync<BookingRefused>();
        // The first time is taken, the second is the family's own conversation with the mentor: the third and fourth remain.
        Assert.Equal([englishSlots[2].Id, englishSlots[3].Id], refused!.Alternatives.Select(a => a.SlotId));
        Assert.True(CommandCounts.Instance.Of(tag) <= 3, $"{CommandCounts.Instance.Of(tag)} database commands:\n{CommandCounts.Instance.Texts(tag)}");
    }

    /// <summary>The booking's checks also read whom to tell: the household's guardians the school tells about the child, once each.</summary>
    [Fact]
    public async Task A_confirmation_goes_to_the_guardians_of_the_booking_household_whom_the_school_tells()
    {
        var f = await FamilyAsync();
        var home = await app.WithDbAsync(db => db.Guardians.Where(g => g.Id == f.Parent.Id).Select(g => g.HouseholdId).SingleAsync());
        var partner = await f.School.GuardianAsync([f.Child], login: false, householdId: home);
        var withoutAuthority = await f.School.GuardianAsync([f.Child], login: false, authority: false, householdId: home);
        var otherHome = await f.School.GuardianAsync([f.Child], login: false);
        var otherChildsParent = await f.School.GuardianAsync([await f.School.StudentAsync(f.Group, firstName: "Sem")], login: false, householdId: home);
        using var parent = await app.SignInAsync(f.Parent.Email!);

        Assert.Equal(HttpStatusCode.Created, (await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id)).StatusCode);

        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Noor"));
        Assert.Equal(1, await app.OutboxCountAsync(partner.Email!, "Noor"));
        Assert.Equal(0, await app.OutboxCountAsync(withoutAuthority.Email!, "Noor"));
        Assert.Equal(0, await app.OutboxCountAsync(otherHome.Email!, "Noor"));
        Assert.Equal(0, await app.OutboxCountAsync(otherChildsParent.Email!, "Noor"));
    }

    /// <summary>Every family asks for its options before it books, in the rush too: the page's round trips count per booking.</summary>
    [Fact]
    public async Task A_familys_booking_options_for_two_children_cost_at_most_six_database_commands()
    {
        var f = await FamilyAsync();
        var sibling = await f.School.StudentAsync(f.Group, firstName: "Sem");
        await app.WithDbAsync(async db =>
        {
            var guardian = await db.Guardians.SingleAsync(g => g.Id == f.Parent.Id);
            db.Guardianships.Add(new Guardianship { SchoolId = f.School.Id, StudentId = sibling.Id, GuardianId = guardian.Id, HasParentalAuthority = true });
            await db.SaveChangesAsync();
        });
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var tag = CommandCounts.NewTag();
        _ = CommandCounts.Instance;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rounds/{f.Round.Id}/booking-options");
        request.Headers.Add(CommandCounts.Header, tag);

        var response = await parent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Noor", body);
        Assert.Contains("Sem", body);
        Assert.True(CommandCounts.Instance.Of(tag) <= 6, $"{CommandCounts.Instance.Of(tag)} database commands:\n{CommandCounts.Instance.Texts(tag)}");
    }

    [Fact]
    public async Task A_family_books_only_the_childs_own_teachers_once_each_and_subject_teachers_up_to_the_cap()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var otherGroup = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var english = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Engels");
        var maths = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Wiskunde");
        var elsewhere = await school.StaffAsync(StaffRole.Mentor, otherGroup);
        var child = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([child]);
        var round = await school.OpenRoundAsync([group, otherGroup], Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest,
            maxSubjectTeachers: 1);
        var mentorSlots = await school.SlotsAsync(round, mentor, 2, from: new TimeOnly(19, 0));
        var englishSlot = (await school.SlotsAsync(round, english, 1, from: new TimeOnly(20, 0))).Single();
        var mathsSlot = (await school.SlotsAsync(round, maths, 1, from: new TimeOnly(20, 30))).Single();
        var elsewhereSlot = (await school.SlotsAsync(round, elsewhere, 1, from: new TimeOnly(21, 0))).Single();
        using var client = await app.SignInAsync(parent.Email!);

        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, round.Id, child.Id, englishSlot.Id)).StatusCode);
        var overCap = await BookAsync(client, round.Id, child.Id, mathsSlot.Id);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, round.Id, child.Id, mentorSlots[0].Id)).StatusCode);
        var twice = await BookAsync(client, round.Id, child.Id, mentorSlots[1].Id);
        var notTheirs = await BookAsync(client, round.Id, child.Id, elsewhereSlot.Id);

        Assert.Equal(HttpStatusCode.BadRequest, overCap.StatusCode);
        Assert.Contains("ten hoogste 1 vakdocent een gesprek", await overCap.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("al een gesprek met deze leerkracht", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);
        Assert.Contains("geen gesprek maken", await notTheirs.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == round.Id)));
    }

    [Fact]
    public async Task Many_families_pressing_at_once_get_one_booking_and_the_others_an_alternative()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var round = await school.OpenRoundAsync([group]);
        var slots = await school.SlotsAsync(round, teacher, 4);
        var families = new List<(AppClient Client, Person Child)>();
        for (var i = 0; i < 12; i++)
        {
            var child = await school.StudentAsync(group);
            var parent = await school.GuardianAsync([child]);
            families.Add((await app.SignInAsync(parent.Email!), child));
        }

        var responses = await Task.WhenAll(families.Select(f => BookAsync(f.Client, round.Id, f.Child.Id, slots[0].Id)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<BookingRefused>();
        Assert.NotEmpty(refused!.Alternatives);
        Assert.DoesNotContain(refused.Alternatives, a => a.SlotId == slots[0].Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == slots[0].Id)));
        families.ForEach(f => f.Client.Dispose());
    }

    [Fact]
    public async Task A_household_cannot_be_in_two_conversations_at_once_even_when_racing_itself()
    {
        var school = await app.World.SchoolAsync();
        var groupA = await school.GroupAsync();
        var groupB = await school.GroupAsync();
        var teacherA = await school.StaffAsync(StaffRole.GroupTeacher, groupA);
        var teacherB = await school.StaffAsync(StaffRole.GroupTeacher, groupB);
        var older = await school.StudentAsync(groupA);
        var younger = await school.StudentAsync(groupB);
        var parent = await school.GuardianAsync([older, younger]);
        var round = await school.OpenRoundAsync([groupA, groupB]);
        var a = await school.SlotsAsync(round, teacherA, 2);
        var b = await school.SlotsAsync(round, teacherB, 2);
        using var client = await app.SignInAsync(parent.Email!);

        var both = await Task.WhenAll(BookAsync(client, round.Id, older.Id, a[0].Id), BookAsync(client, round.Id, younger.Id, b[0].Id));

        // One wins; the other is refused by the checks (400) or, in a true race, by the database (409).
        Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.Created));
        var loser = both.Single(r => r.StatusCode != HttpStatusCode.Created);
        Assert.Contains(loser.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
        Assert.Contains("ander gesprek", await loser.Content.ReadAsStringAsync());
        var backToBack = await BookAsync(client, round.Id, younger.Id, b[1].Id);
        var second = await BookAsync(client, round.Id, older.Id, a[1].Id);
        Assert.True(backToBack.StatusCode == HttpStatusCode.Created || second.StatusCode == HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_answer_and_store_nothing()
    {
        var f = await FamilyAsync();
        var other = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(parent, f.Round.Id, other.Child.Id, f.Slots[0].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(parent, f.Round.Id, f.Child.Id, Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(parent, f.Round.Id, f.Child.Id, other.Slots[0].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(parent, other.Round.Id, f.Child.Id, other.Slots[0].Id)).StatusCode);

        var huge = await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id, new string('x', 1_000_000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("2000", await huge.Content.ReadAsStringAsync());

        app.Clock.Set(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        try
        {
            // A sign-in lasts 12 hours of the app's clock: sign in again after moving it.
            using var later = await app.SignInAsync(f.Parent.Email!);
            var closed = await BookAsync(later, f.Round.Id, f.Child.Id, f.Slots[0].Id);
            Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.RoundId == f.Round.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.TimeClaims.CountAsync()) - await app.WithDbAsync(db => db.TimeClaims.CountAsync(c => db.Bookings.Any(b => b.Id == c.BookingId))));
    }

    [Fact]
    public async Task Topics_with_markup_are_shown_as_text()
    {
        var f = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var response = await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id, "<script>alert('x')</script><b>vet</b>");
        var id = await response.Content.ReadFromJsonAsync<Guid>();

        var page = await parent.GetAsync($"/bookings/{id}");

        Assert.Contains("<script>alert('x')</script>", page.Main);
        Assert.Empty(page.FindAll("main script, main b"));
    }

    [Fact]
    public async Task A_cancelled_or_draft_round_cannot_be_booked()
    {
        var f = await FamilyAsync();
        var draft = await f.School.OpenRoundAsync([f.Group], status: RoundStatus.Draft);
        var draftSlots = await f.School.SlotsAsync(draft, f.Teacher, 2, new TimeOnly(15, 0));
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == f.Round.Id)).Status = RoundStatus.Cancelled;
            await db.SaveChangesAsync();
        });
        using var parent = await app.SignInAsync(f.Parent.Email!);

        var cancelled = await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var notPublished = await BookAsync(parent, draft.Id, f.Child.Id, draftSlots[0].Id);

        Assert.Equal(HttpStatusCode.BadRequest, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notPublished.StatusCode);
    }

    [Fact]
    public async Task Separated_parents_book_separately_and_see_only_their_own_booking()
    {
        var f = await FamilyAsync();
        var father = await f.School.GuardianAsync([f.Child]);
        using var mother = await app.SignInAsync(f.Parent.Email!);
        using var dad = await app.SignInAsync(father.Email!);

        var hers = await (await BookAsync(mother, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        var his = await BookAsync(dad, f.Round.Id, f.Child.Id, f.Slots[2].Id);

        Assert.Equal(HttpStatusCode.Created, his.StatusCode);
        var hisId = await his.Content.ReadFromJsonAsync<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, await dad.StatusAsync($"/bookings/{hers}"));
        Assert.Equal(HttpStatusCode.NotFound, await mother.StatusAsync($"/api/v1/bookings/{hisId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await mother.Http.DeleteAsync($"/api/v1/bookings/{hisId}")).StatusCode);
        var herPage = await mother.GetAsync($"/rounds/{f.Round.Id}/book");
        Assert.Single(herPage.FindAll("#booked-heading + ul li"));
    }

    [Fact]
    public async Task Cancelling_frees_the_time_and_the_calendar_gets_a_cancellation_with_the_same_uid()
    {
        var f = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await (await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        var detail = await parent.GetAsync($"/bookings/{id}");

        var after = await parent.SubmitAsync(detail, new() { ["sure"] = "true" }, "form[action*='handler=Cancel']");

        Assert.NotNull(after.Find(".notice"));
        Assert.Equal(6, after.FindAll("a.slot").Count());
        var uid = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.CalendarUid).SingleAsync());
        var mail = await Mailbox.WaitForAsync(app, f.Parent.Email!, m => m.Parts.Any(p => p.Content.Contains("METHOD:CANCEL")));
        var ics = mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content;
        Assert.Contains($"UID:{uid:N}@driehoek", ics);
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
    }

    [Fact]
    public async Task Families_cannot_change_after_the_deadline_but_the_teacher_can_move_with_notice()
    {
        var f = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await (await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        app.Clock.Set(new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.Zero));
        try
        {
            using var sameParent = await app.SignInAsync(f.Parent.Email!);
            var late = await sameParent.Http.DeleteAsync($"/api/v1/bookings/{id}");
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("24", await late.Content.ReadAsStringAsync());

            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            var moved = await teacher.Http.PostAsJsonAsync($"/api/v1/bookings/{id}/move", new MoveRequest(f.Slots[3].Id, null));
            Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
            // The notice is due at the moved clock, so read it before the clock goes back.
            var mail = await Mailbox.WaitForAsync(app, f.Parent.Email!, m => m.Subject.Contains("verplaatst", StringComparison.Ordinal));
            Assert.Contains("SEQUENCE:1", mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        }
        finally
        {
            app.Clock.Set(TestClock.Start);
        }
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal(f.Slots[3].Id, booking.ActiveSlotId);
    }

    [Fact]
    public async Task A_family_moves_its_own_booking_and_the_old_time_is_free_again()
    {
        var f = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await (await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        var detail = await parent.GetAsync($"/bookings/{id}");

        var moved = await parent.SubmitAsync(detail, new() { ["slotId"] = f.Slots[4].Id.ToString() }, "form[action*='handler=Move']");

        Assert.NotNull(moved.Find(".notice"));
        var classmate = await f.School.StudentAsync(f.Group);
        using var otherParent = await app.SignInAsync((await f.School.GuardianAsync([classmate])).Email!);
        var options = await otherParent.GetAsync($"/rounds/{f.Round.Id}/book");
        Assert.Contains(options.FindAll("a.slot"), a => a.GetAttribute("href")!.Contains(f.Slots[0].Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(options.FindAll("a.slot"), a => a.GetAttribute("href")!.Contains(f.Slots[4].Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_teacher_is_full_a_family_waits_and_hears_when_a_time_frees_up()
    {
        var f = await FamilyAsync(slots: 1);
        var waitingChild = await f.School.StudentAsync(f.Group);
        var waitingParent = await f.School.GuardianAsync([waitingChild]);
        using var first = await app.SignInAsync(f.Parent.Email!);
        var id = await (await BookAsync(first, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        using var second = await app.SignInAsync(waitingParent.Email!);

        var full = await second.GetAsync($"/rounds/{f.Round.Id}/book");
        Assert.Empty(full.FindAll("a.slot"));
        var waiting = await second.SubmitAsync(full, [], "form[action*='handler=Wait']");
        Assert.NotNull(waiting.Find(".notice"));
        await first.Http.DeleteAsync($"/api/v1/bookings/{id}");

        var mail = await Mailbox.WaitForAsync(app, waitingParent.Email!);
        Assert.Contains($"/rounds/{f.Round.Id}/book", mail.Body);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(second, f.Round.Id, waitingChild.Id, f.Slots[0].Id)).StatusCode);
    }

    [Fact]
    public async Task A_time_taken_before_the_confirm_page_opens_is_shown_as_taken_with_alternatives()
    {
        var f = await FamilyAsync(slots: 3);
        var classmate = await f.School.StudentAsync(f.Group);
        using var other = await app.SignInAsync((await f.School.GuardianAsync([classmate])).Email!);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(other, f.Round.Id, classmate.Id, f.Slots[0].Id)).StatusCode);
        using var parent = await app.SignInAsync(f.Parent.Email!);

        var confirm = await parent.GetAsync($"/rounds/{f.Round.Id}/book/{f.Slots[0].Id}?student={f.Child.Id}");

        Assert.NotNull(confirm.Find(".error-summary li"));
        Assert.NotEmpty(confirm.FindAll("a.slot"));
    }

    [Fact]
    public async Task A_family_that_may_no_longer_join_the_waiting_list_is_told_so_not_told_it_joined()
    {
        var f = await FamilyAsync(slots: 1);
        var waitingChild = await f.School.StudentAsync(f.Group);
        var waitingParent = await f.School.GuardianAsync([waitingChild]);
        using var first = await app.SignInAsync(f.Parent.Email!);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(first, f.Round.Id, f.Child.Id, f.Slots[0].Id)).StatusCode);
        using var second = await app.SignInAsync(waitingParent.Email!);
        var full = await second.GetAsync($"/rounds/{f.Round.Id}/book");
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == f.Round.Id)).Status = RoundStatus.Cancelled;
            await db.SaveChangesAsync();
        });

        var refused = await second.SubmitAsync(full, [], "form[action*='handler=Wait']");

        Assert.Null(refused.Find(".notice"));
        Assert.NotNull(refused.Find(".error-summary li"));
        Assert.Equal(0, await app.WithDbAsync(db => db.WaitingList.CountAsync(w => w.StudentId == waitingChild.Id)));
    }

    [Fact]
    public async Task Subject_teachers_are_bookable_on_request_up_to_the_cap()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync("2B", 2);
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var english = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Engels");
        var maths = await school.StaffAsync(StaffRole.SubjectTeacher, group, "Wiskunde");
        var child = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([child]);
        var round = await school.OpenRoundAsync([group],
            Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest, maxSubjectTeachers: 1);
        var m = await school.SlotsAsync(round, mentor, 2);
        var e = await school.SlotsAsync(round, english, 2);
        var w = await school.SlotsAsync(round, maths, 2);
        using var client = await app.SignInAsync(parent.Email!);

        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, round.Id, child.Id, m[0].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, round.Id, child.Id, e[1].Id)).StatusCode);
        var overCap = await BookAsync(client, round.Id, child.Id, w[0].Id);

        Assert.Equal(HttpStatusCode.BadRequest, overCap.StatusCode);
        Assert.Contains("1", await overCap.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_parent_without_authority_books_only_where_the_school_allows_it()
    {
        var f = await FamilyAsync();
        var limited = await f.School.GuardianAsync([f.Child], authority: false);
        using var client = await app.SignInAsync(limited.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await BookAsync(client, f.Round.Id, f.Child.Id, f.Slots[0].Id)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(s => s.Id == f.School.Id)).LimitedGuardianAccess |= LimitedGuardianAccess.ConversationRounds;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(client, f.Round.Id, f.Child.Id, f.Slots[0].Id)).StatusCode);
    }

    [Fact]
    public async Task The_calendar_file_of_a_booking_is_for_its_household_only()
    {
        var f = await FamilyAsync();
        var other = await FamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await (await BookAsync(parent, f.Round.Id, f.Child.Id, f.Slots[0].Id)).Content.ReadFromJsonAsync<Guid>();
        using var stranger = await app.SignInAsync(other.Parent.Email!);

        var own = await parent.Http.GetAsync($"/bookings/{id}/calendar.ics");

        Assert.Equal("text/calendar", own.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VEVENT", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/bookings/{id}/calendar.ics"));
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/rounds/{f.Round.Id}/book"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingTests_Sqlite(SqliteApp app) : BookingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BookingTests_Postgres(PostgresApp app) : BookingTests(app);
