using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Tests.Platform;

public sealed class PluralRuleTests
{
    [Theory]
    [InlineData("nl", 1, "one"), InlineData("nl", 0, "other"), InlineData("nl", 4, "other"), InlineData("en", 1, "one"), InlineData("tr", 2, "other")]
    [InlineData("ar", 0, "zero"), InlineData("ar", 1, "one"), InlineData("ar", 2, "two"), InlineData("ar", 3, "few"), InlineData("ar", 10, "few")]
    [InlineData("ar", 103, "few"), InlineData("ar", 11, "many"), InlineData("ar", 99, "many"), InlineData("ar", 100, "other"), InlineData("ar", 102, "other")]
    [InlineData("pl", 1, "one"), InlineData("pl", 2, "few"), InlineData("pl", 4, "few"), InlineData("pl", 22, "few"), InlineData("pl", 5, "many")]
    [InlineData("pl", 12, "many"), InlineData("pl", 21, "many"), InlineData("pl", 0, "many")]
    [InlineData("uk", 1, "one"), InlineData("uk", 21, "one"), InlineData("uk", 11, "many"), InlineData("uk", 3, "few"), InlineData("uk", 13, "many")]
    [InlineData("uk", 24, "few"), InlineData("uk", 10, "many")]
    public void Whole_numbers_fall_in_their_CLDR_plural_category(string language, long n, string category) =>
        Assert.Equal(category, Plurals.Category(language, n));

    [Fact]
    public void A_value_with_forms_gives_the_one_asked_for_or_other_and_a_plain_text_is_left_alone()
    {
        Assert.Equal("{0} gesprek", Plurals.Pick("one: {0} gesprek | other: {0} gesprekken", "one"));
        Assert.Equal("{0} gesprekken", Plurals.Pick("one: {0} gesprek | other: {0} gesprekken", "many"));
        Assert.Null(Plurals.Pick("Daglijst: {0} | iets anders", "one"));
        Assert.Null(Plurals.Pick("Daglijst: {0}", "one"));
    }
}

public abstract class PluralTests(TestApp app)
{
    [Fact]
    public async Task A_teacher_with_one_conversation_reads_1_gesprek_and_an_Arabic_parent_reads_the_length_in_its_own_form()
    {
        var f = await app.RoundFamilyAsync(language: "ar");
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var book = await parent.GetAsync($"/rounds/{f.Round.Id}/book");
        await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var day = await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
        var home = await teacher.GetAsync("/teacher");

        Assert.Contains("10 دقائق", book.Main); // 3–10 take the plural "few" form in Arabic, not "10 دقيقة"
        Assert.Contains("· 1 gesprek", day.Main);
        Assert.DoesNotContain("gesprek(ken)", day.Main);
        Assert.Contains("Daglijst: 1 gesprek (", home.Main);
    }

    [Fact]
    public async Task A_leader_with_one_family_to_invite_reads_one_person()
    {
        var school = await app.World.SchoolAsync();
        await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())], login: false);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using var client = await app.SignInAsync(leader.Email!);

        var page = await client.GetAsync($"/school/{school.Id}/invitations");

        Assert.Contains("Uitnodiging versturen aan 1 persoon", page.Main);
        Assert.DoesNotContain("1 personen", page.Main);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PluralTests_Sqlite(SqliteApp app) : PluralTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class PluralTests_Postgres(PostgresApp app) : PluralTests(app);
