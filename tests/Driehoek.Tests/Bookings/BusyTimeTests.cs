using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Bookings;

/// <summary>The booking list and the move list offer only times the family can book: not when the household already has a conversation elsewhere.</summary>
public abstract class BusyTimeTests(TestApp app)
{
    [Fact]
    public async Task Times_when_the_household_talks_about_another_child_in_another_round_are_not_offered_nor_offered_as_a_move()
    {
        var school = await app.World.SchoolAsync();
        var (young, old) = (await school.GroupAsync(level: 3), await school.GroupAsync(level: 7));
        var (youngTeacher, oldTeacher) = (await school.StaffAsync(StaffRole.GroupTeacher, young), await school.StaffAsync(StaffRole.GroupTeacher, old));
        var (sam, noor) = (await school.StudentAsync(young, "Sam"), await school.StudentAsync(old, "Noor"));
        var parent = await school.GuardianAsync([sam, noor]);
        var (youngRound, oldRound) = (await school.OpenRoundAsync([young]), await school.OpenRoundAsync([old]));
        var youngSlots = await school.SlotsAsync(youngRound, youngTeacher, 3);
        var oldSlots = await school.SlotsAsync(oldRound, oldTeacher, 3);
        using var client = await app.SignInAsync(parent.Email!);
        await client.BookAsync(oldRound.Id, noor.Id, oldSlots[0].Id);

        var options = await client.GetAsync($"/rounds/{youngRound.Id}/book");
        Assert.Null(options.Find($"a[href*='/book/{youngSlots[0].Id}']"));
        Assert.NotNull(options.Find($"a[href*='/book/{youngSlots[1].Id}']"));

        var booked = await client.BookAsync(youngRound.Id, sam.Id, youngSlots[2].Id);
        var detail = await client.GetAsync($"/bookings/{booked}");
        var moves = detail.FindAll("select#slotId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([youngSlots[1].Id.ToString()], moves);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BusyTimeTests_Sqlite(SqliteApp app) : BusyTimeTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BusyTimeTests_Postgres(PostgresApp app) : BusyTimeTests(app);
