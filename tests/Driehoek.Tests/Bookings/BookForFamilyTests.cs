using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Bookings;

/// <summary>Staff book a time for a family that called or answered the letter; the family hears it as after its own booking.</summary>
public abstract class BookForFamilyTests(TestApp app)
{
    [Fact]
    public async Task A_leader_books_for_a_family_not_reached_and_the_family_gets_the_confirmation()
    {
        var f = await app.RoundFamilyAsync();
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);

        var overview = await client.GetAsync($"/rounds/{f.Round.Id}/overview?group={f.Group.Id}");
        var link = overview.Find($"a[href*='/book-for?student={f.Child.Id}']")!;
        var form = await client.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(f.Slots.Count, form.FindAll("#SlotId option").Count());
        var booked = await client.SubmitAsync(form, new() { ["Topics"] = "Belde over rekenen" });

        Assert.True(booked.Url.AbsolutePath.StartsWith("/bookings/", StringComparison.Ordinal), string.Join(" / ", booked.Errors));
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.StudentId == f.Child.Id));
        Assert.Null(booking.BookedByGuardianId);
        Assert.Equal(leader.UserId, booking.BookedByUserId);
        Assert.Equal("Belde over rekenen", booking.Topics);
        var mail = await Mailbox.WaitForAsync(app, f.Parent.Email!);
        Assert.Contains(mail.Parts, p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
        Assert.Null((await client.GetAsync($"/rounds/{f.Round.Id}/overview?group={f.Group.Id}")).Find($"a[href*='/book-for?student={f.Child.Id}']"));
        using var family = await app.SignInAsync(f.Parent.Email!);
        Assert.Contains("ingepland door de school", (await family.GetAsync($"/bookings/{booking.Id}")).Main);
    }

    [Fact]
    public async Task A_time_the_family_cannot_take_is_refused_and_others_outside_the_school_or_group_cannot_book_for_it()
    {
        var f = await app.RoundFamilyAsync();
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        var otherGroupTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());
        var otherLeader = await (await app.World.SchoolAsync()).StaffAsync(StaffRole.SchoolLeader);
        var url = $"/rounds/{f.Round.Id}/book-for?student={f.Child.Id}";

        foreach (var who in new[] { otherGroupTeacher.Email!, otherLeader.Email!, f.Parent.Email! })
        {
            using var client = await app.SignInAsync(who);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(url));
        }
        using (var own = await app.SignInAsync(f.Teacher.Email!))
        {
            Assert.Equal(HttpStatusCode.OK, await own.StatusAsync(url));
        }
        using var staff = await app.SignInAsync(leader.Email!);
        var form = await staff.GetAsync(url);
        var first = await staff.SubmitAsync(form, new() { ["SlotId"] = f.Slots[0].Id.ToString() });
        var again = await staff.SubmitAsync(form, new() { ["SlotId"] = f.Slots[1].Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotEmpty(again.Errors);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.StudentId == f.Child.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookForFamilyTests_Sqlite(SqliteApp app) : BookForFamilyTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BookForFamilyTests_Postgres(PostgresApp app) : BookForFamilyTests(app);
