namespace Driehoek.Tests.Bookings;

/// <summary>Staff pages speak to staff: the teacher reads whom they meet and what the parents want, a leader reads whose times they edit.</summary>
public abstract class StaffWordingTests(TestApp app)
{
    [Fact]
    public async Task The_teacher_reads_the_parents_names_and_their_topics_as_theirs()
    {
        var f = await app.RoundFamilyAsync();
        Guid id;
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id, "Rekenen");
            var own = await parent.GetAsync($"/bookings/{id}");
            Assert.Null(own.Find(".parents"));
            Assert.Contains("Wat wilt u bespreken", own.Main);
        }
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var page = await teacher.GetAsync($"/bookings/{id}");
        Assert.Equal(f.Parent.Name, page.Find(".parents")!.TextContent);
        Assert.Contains("Wat de ouders willen bespreken", page.Main);
        Assert.DoesNotContain("Wat wilt u bespreken", page.Main);
        Assert.DoesNotContain("Waar wilt u het over hebben", page.Main);
    }

    [Fact]
    public async Task A_teacher_who_moves_or_cancels_sends_the_family_a_message_and_a_family_cannot_send_one()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var own = await parent.GetAsync($"/bookings/{id}");
        Assert.Null(own.Find("textarea[name='message']"));
        await parent.SubmitAsync(own, new() { ["slotId"] = f.Slots[1].Id.ToString(), ["message"] = "Sneaky family note" }, "form[action*='handler=Move']");
        Assert.Equal(0, await app.OutboxCountAsync(f.Parent.Email!, "Sneaky family note"));

        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var page = await teacher.GetAsync($"/bookings/{id}");
        var moved = await teacher.SubmitAsync(page, new() { ["slotId"] = f.Slots[3].Id.ToString(), ["message"] = "  Ik ben die avond later, excuses.  " },
            "form[action*='handler=Move']");
        Assert.Empty(moved.Errors);
        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Ik ben die avond later, excuses."));

        var again = await teacher.GetAsync($"/bookings/{id}");
        await teacher.SubmitAsync(again, new() { ["sure"] = "true", ["message"] = "Bel mij voor een nieuwe tijd." }, "form[action*='handler=Cancel']");
        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Bel mij voor een nieuwe tijd."));
    }

    [Fact]
    public async Task A_leader_editing_a_teachers_times_reads_the_teachers_name_not_your_times()
    {
        var f = await app.RoundFamilyAsync();
        var leader = await f.School.StaffAsync(Web.Features.People.StaffRole.SchoolLeader);
        using var boss = await app.SignInAsync(leader.Email!);
        var page = await boss.GetAsync($"/rounds/{f.Round.Id}/availability?staff={f.Teacher.Id}");
        Assert.Equal($"Tijden van {f.Teacher.Name}", page.Find("#blocks-heading")!.TextContent);
        Assert.DoesNotContain("Uw tijden", page.Main);
        Assert.DoesNotContain("wanneer u kunt", page.Main);

        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        Assert.Equal("Uw tijden", (await teacher.GetAsync($"/rounds/{f.Round.Id}/availability")).Find("#blocks-heading")!.TextContent);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffWordingTests_Sqlite(SqliteApp app) : StaffWordingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class StaffWordingTests_Postgres(PostgresApp app) : StaffWordingTests(app);
