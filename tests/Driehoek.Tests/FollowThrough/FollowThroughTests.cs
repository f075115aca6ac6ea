using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.FollowThrough;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.FollowThrough;

public abstract class FollowThroughTests(TestApp app)
{
    /// <summary>Twenty minutes into the first evening: the first two slots (19:00, 19:10) have started.</summary>
    private static readonly DateTimeOffset DuringEvening = FollowThroughWorld.FirstSlot.AddMinutes(20);

    private static Task<HttpResponseMessage> RecordAsync(AppClient client, Guid bookingId, BookingStatus outcome, bool? present = null, Guid? version = null) =>
        client.Http.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/outcome", new OutcomeRequest(outcome, present, version));

    [Fact]
    public async Task The_teacher_records_a_held_conversation_with_the_student_present_from_the_day_list()
    {
        var f = await app.RoundFamilyAsync();
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id, "Rekenen");
        }
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == f.Round.Id).Select(b => b.Id).SingleAsync());

        await app.AtAsync(DuringEvening, async () =>
        {
            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            var day = await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
            var after = await teacher.SubmitAsync(day, new() { ["outcome"] = "Held", ["studentPresent"] = "true" }, $"#booking-{id} form.outcome");

            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.NotNull(after.Find(".notice"));
            Assert.Contains("Gevoerd", after.Find($"#booking-{id} .status")!.TextContent);
        });

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.True(booking.StudentPresent);
    }

    [Fact]
    public async Task Held_and_no_show_wait_for_the_start_and_a_stale_form_is_refused()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var first = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var early = await RecordAsync(teacher, first, BookingStatus.Held, true);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        await app.AtAsync(DuringEvening, async () =>
        {
            using var later = await app.SignInAsync(f.Teacher.Email!);
            var version = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == first).Select(b => b.Version).SingleAsync());
            var noShow = await RecordAsync(later, first, BookingStatus.NoShow, false, version);
            Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
            var stale = await RecordAsync(later, first, BookingStatus.Held, true, version);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var corrected = await RecordAsync(later, first, BookingStatus.Held, false, (await noShow.Content.ReadFromJsonAsync<OutcomeRecorded>())!.Version);
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        });

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == first));
        Assert.Equal(BookingStatus.Held, booking.Status);
        Assert.False(booking.StudentPresent);
    }

    [Fact]
    public async Task A_conversation_that_did_not_take_place_is_recorded_as_cancelled_after_confirming()
    {
        var f = await app.RoundFamilyAsync();
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id);
        }
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == f.Round.Id).Select(b => b.Id).SingleAsync());

        await app.AtAsync(DuringEvening, async () =>
        {
            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            var day = await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
            var unconfirmed = await teacher.SubmitAsync(day, new() { ["outcome"] = "Cancelled" }, $"#booking-{id} form.outcome");
            Assert.NotEmpty(unconfirmed.Errors);
            var confirmed = await teacher.SubmitAsync(unconfirmed, new() { ["outcome"] = "Cancelled", ["sure"] = "true" }, $"#booking-{id} form.outcome");
            Assert.NotNull(confirmed.Find(".cancelled"));
        });

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Null(booking.ActiveSlotId);
    }

    [Fact]
    public async Task Another_teacher_a_parent_or_another_school_cannot_record_but_the_school_leader_can()
    {
        var f = await app.RoundFamilyAsync();
        var colleague = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        var elsewhere = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);

        await app.AtAsync(DuringEvening, async () =>
        {
            foreach (var email in new[] { colleague.Email!, f.Parent.Email!, elsewhere.Teacher.Email! })
            {
                using var client = await app.SignInAsync(email);
                Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(client, id, BookingStatus.Held, true)).StatusCode);
            }
            using var boss = await app.SignInAsync(leader.Email!);
            Assert.Equal(HttpStatusCode.OK, (await RecordAsync(boss, id, BookingStatus.NoShow)).StatusCode);
        });

        Assert.Equal(BookingStatus.NoShow, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_overview_counts_who_booked_who_came_and_who_was_not_reached_per_group()
    {
        var f = await app.RoundFamilyAsync();
        var booked = await f.School.StudentAsync(f.Group);
        var unreached = await f.School.StudentAsync(f.Group);
        var noEmail = await f.School.StudentAsync(f.Group);
        var bookedParent = await f.School.GuardianAsync([booked]);
        await f.School.GuardianAsync([unreached]);
        var offline = await f.School.GuardianAsync([noEmail], login: false);
        await app.WithDbAsync(db => db.Guardians.Where(g => g.Id == offline.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Email, (string?)null)));
        var otherGroup = await f.School.GroupAsync();
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        await f.School.StudentAsync(otherGroup);
        await app.WithDbAsync(async db =>
        {
            db.RoundGroups.Add(new Driehoek.Web.Features.Rounds.RoundGroup { SchoolId = f.School.Id, RoundId = f.Round.Id, GroupId = otherGroup.Id });
            await db.SaveChangesAsync();
        });
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var empty = await teacher.GetAsync($"/rounds/{f.Round.Id}/overview");
        Assert.NotNull(empty.Find(".empty"));
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        }
        using (var parent = await app.SignInAsync(bookedParent.Email!))
        {
            await parent.BookAsync(f.Round.Id, booked.Id, f.Slots[3].Id);
        }
        await app.AtAsync(DuringEvening, async () =>
        {
            using var later = await app.SignInAsync(f.Teacher.Email!);
            var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.StudentId == f.Child.Id).Select(b => b.Id).SingleAsync());
            Assert.Equal(HttpStatusCode.OK, (await RecordAsync(later, id, BookingStatus.Held, true)).StatusCode);
        });

        var page = await teacher.GetAsync($"/rounds/{f.Round.Id}/overview");

        Assert.Null(page.Find(".empty"));
        var row = Assert.Single(page.FindAll("table.counts tbody tr"));
        string Count(string what) => row.QuerySelector($"[data-count='{what}']")!.TextContent;
        Assert.Equal(("4", "4", "2", "1", "1"), (Count("students"), Count("families"), Count("booked"), Count("came"), Count("student-present")));
        Assert.Equal(("2", "1", "0"), (Count("not-reached"), Count("without-email"), Count("no-show")));
        Assert.Single(page.FindAll(".no-email"));
        using var boss = await app.SignInAsync((await f.School.StaffAsync(StaffRole.SchoolLeader)).Email!);
        var landing = await boss.GetAsync($"/rounds/{f.Round.Id}/overview");
        Assert.Empty(landing.FindAll("table.counts tbody tr"));
        Assert.Equal(2, landing.FindAll(".group-choices a").Count());
        var picked = await boss.GetAsync($"/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
        Assert.Equal("4", picked.Find($"table.counts tr[data-group='{f.Group.Id}'] [data-count=students]")!.TextContent);
        using var colleague = await app.SignInAsync(otherTeacher.Email!);
        var theirs = await colleague.GetAsync($"/rounds/{f.Round.Id}/overview");
        Assert.Equal(otherGroup.Id.ToString(), Assert.Single(theirs.FindAll("table.counts tbody tr")).GetAttribute("data-group"));
    }

    [Fact]
    public async Task The_overview_is_not_found_for_a_parent_or_another_school()
    {
        var f = await app.RoundFamilyAsync();
        var elsewhere = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        using var stranger = await app.SignInAsync(elsewhere.Teacher.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/rounds/{f.Round.Id}/overview"));
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/rounds/{f.Round.Id}/overview"));
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync($"/api/v1/rounds/{f.Round.Id}/overview"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FollowThroughTests_Sqlite(SqliteApp app) : FollowThroughTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class FollowThroughTests_Postgres(PostgresApp app) : FollowThroughTests(app);
