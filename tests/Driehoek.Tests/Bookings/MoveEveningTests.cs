using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Bookings;

/// <summary>A leader moves a whole evening (illness, snow): times and bookings go to the same clock times on another day.</summary>
public abstract class MoveEveningTests(TestApp app)
{
    private static readonly DateOnly NewDay = RoundBuilder.FirstDay.AddDays(2);

    [Fact]
    public async Task A_leader_moves_an_evening_and_each_family_hears_once_with_a_calendar_file_for_all_its_conversations()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var (mentor, english) = (await school.StaffAsync(StaffRole.GroupTeacher, group), await school.StaffAsync(StaffRole.GroupTeacher, group));
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var (noor, sam) = (await school.StudentAsync(group, firstName: "Noor"), await school.StudentAsync(group, firstName: "Sam"));
        var parent = await school.GuardianAsync([noor, sam], language: "en");
        var round = await school.OpenRoundAsync([group]);
        var mentorSlots = await school.SlotsAsync(round, mentor, 4);
        var englishSlots = await school.SlotsAsync(round, english, 4);
        var later = await school.SlotsAsync(round, mentor, 2, day: RoundBuilder.FirstDay.AddDays(1));
        using (var family = await app.SignInAsync(parent.Email!))
        {
            await family.BookAsync(round.Id, noor.Id, mentorSlots[0].Id);
            await family.BookAsync(round.Id, sam.Id, englishSlots[1].Id);
            await family.BookAsync(round.Id, sam.Id, later[0].Id);
        }
        using var client = await app.SignInAsync(leader.Email!);

        var start = await client.GetAsync($"/rounds/{round.Id}/move-evening");
        Assert.Equal(2, start.FindAll("#from option").Count());
        var check = await client.GetAsync($"/rounds/{round.Id}/move-evening?from={RoundBuilder.FirstDay:yyyy-MM-dd}&to={NewDay:yyyy-MM-dd}");
        Assert.Contains("2 leerkrachten en 2 geboekte gesprekken van 1 gezin.", check.Find("#check-heading + p")!.TextContent);
        var unconfirmed = await client.SubmitAsync(check, new() { ["Message"] = "De school is gesloten door sneeuw." }, "main form[method=post]");
        Assert.NotEmpty(unconfirmed.Errors);
        var moved = await client.SubmitAsync(check, new() { ["Message"] = "De school is gesloten door sneeuw.", ["sure"] = "true" },
            "main form[method=post]");

        Assert.NotNull(moved.Find(".notice"));
        var bookings = await app.WithDbAsync(db => db.Bookings.Where(b => b.RoundId == round.Id).OrderBy(b => b.StartsAt).ToListAsync());
        Assert.Equal([RoundBuilder.FirstDay.AddDays(1), NewDay, NewDay], bookings.Select(b => DateOnly.FromDateTime(SchoolCalendar.ToLocal(b.StartsAt))));
        Assert.Equal(new TimeOnly(19, 0), TimeOnly.FromDateTime(SchoolCalendar.ToLocal(bookings[1].StartsAt)));
        Assert.All(bookings.Skip(1), b => Assert.Equal(1, b.Sequence));
        Assert.Equal(0, bookings[0].Sequence);
        Assert.Equal(2, await app.WithDbAsync(db => db.AvailabilityBlocks.CountAsync(b => b.RoundId == round.Id && b.Date == NewDay)));
        Assert.Equal(8, await app.WithDbAsync(db => db.Slots.CountAsync(s => s.RoundId == round.Id && s.StartsAt > SchoolCalendar.ToUtc(NewDay.ToDateTime(TimeOnly.MinValue)))));
        var ids = bookings.Skip(1).Select(b => b.Id).ToList();
        var claims = await app.WithDbAsync(db => db.TimeClaims.Where(c => ids.Contains(c.BookingId)).Select(c => c.Cell).ToListAsync());
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(NewDay, DateOnly.FromDateTime(SchoolCalendar.ToLocal(c))));

        var mail = await Mailbox.WaitForAsync(app, parent.Email!, m => m.Subject.StartsWith("New date", StringComparison.Ordinal));
        Assert.Contains("Noor", mail.Body);
        Assert.Contains("Sam", mail.Body);
        Assert.Contains("De school is gesloten door sneeuw.", mail.Body);
        var ics = mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content;
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(parent.Email!) && m.Payload.Contains("New date"))));
    }

    [Fact]
    public async Task Nothing_moves_when_a_family_or_a_teacher_already_has_a_conversation_on_the_new_day()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var noor = await school.StudentAsync(group, firstName: "Noor");
        var parent = await school.GuardianAsync([noor]);
        var round = await school.OpenRoundAsync([group]);
        var first = await school.SlotsAsync(round, mentor, 2);
        // The same family booked at 19:00 on the new day in another round of the school (another teacher).
        var other = await school.OpenRoundAsync([group]);
        var colleague = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var elsewhere = await school.SlotsAsync(other, colleague, 2, day: NewDay);
        using (var family = await app.SignInAsync(parent.Email!))
        {
            await family.BookAsync(round.Id, noor.Id, first[0].Id);
            await family.BookAsync(other.Id, noor.Id, elsewhere[0].Id);
        }
        using var client = await app.SignInAsync(leader.Email!);

        var check = await client.GetAsync($"/rounds/{round.Id}/move-evening?from={RoundBuilder.FirstDay:yyyy-MM-dd}&to={NewDay:yyyy-MM-dd}");
        Assert.Contains("Noor", check.Find("[role=alert]")!.TextContent);
        Assert.Null(check.Find("form[method=post] #sure"));
        // Posted by hand, as if the page had offered it: the handler checks again.
        var url = $"/rounds/{round.Id}/move-evening";
        var forced = await client.PostAsync(url, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await client.TokenAsync(url))!, ["from"] = RoundBuilder.FirstDay.ToString("yyyy-MM-dd"),
            ["to"] = NewDay.ToString("yyyy-MM-dd"), ["sure"] = "true",
        });
        Assert.Contains(forced.Errors, e => e.Contains("Noor", StringComparison.Ordinal));
        Assert.Equal(RoundBuilder.FirstDay, await app.WithDbAsync(db => db.AvailabilityBlocks.Where(b => b.RoundId == round.Id).Select(b => b.Date).SingleAsync()));

        // The colleague has times on the new day: moving the other round's evening there is refused by name.
        var teacherClash = await client.GetAsync($"/rounds/{round.Id}/move-evening?from={RoundBuilder.FirstDay:yyyy-MM-dd}&to={RoundBuilder.FirstDay.AddDays(3):yyyy-MM-dd}");
        Assert.Null(teacherClash.Find("[role=alert]"));
        await school.SlotsAsync(round, mentor, 1, day: RoundBuilder.FirstDay.AddDays(3), from: new TimeOnly(15, 0));
        var busy = await client.GetAsync($"/rounds/{round.Id}/move-evening?from={RoundBuilder.FirstDay:yyyy-MM-dd}&to={RoundBuilder.FirstDay.AddDays(3):yyyy-MM-dd}");
        Assert.Contains(mentor.Name, busy.Find("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_teacher_a_parent_and_another_schools_leader_cannot_move_an_evening()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var noor = await school.StudentAsync(group, firstName: "Noor");
        var parent = await school.GuardianAsync([noor]);
        var round = await school.OpenRoundAsync([group]);
        await school.SlotsAsync(round, mentor, 2);
        var otherLeader = await (await app.World.SchoolAsync()).StaffAsync(StaffRole.SchoolLeader);
        var url = $"/rounds/{round.Id}/move-evening?from={RoundBuilder.FirstDay:yyyy-MM-dd}&to={NewDay:yyyy-MM-dd}";

        foreach (var who in new[] { mentor.Email!, parent.Email!, otherLeader.Email! })
        {
            using var client = await app.SignInAsync(who);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(url));
        }
        Assert.Equal(RoundBuilder.FirstDay, await app.WithDbAsync(db => db.AvailabilityBlocks.Where(b => b.RoundId == round.Id).Select(b => b.Date).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MoveEveningTests_Sqlite(SqliteApp app) : MoveEveningTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class MoveEveningTests_Postgres(PostgresApp app) : MoveEveningTests(app);
