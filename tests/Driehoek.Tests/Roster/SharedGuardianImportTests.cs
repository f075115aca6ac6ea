using Driehoek.Web.Features.People;
using static Driehoek.Tests.Infrastructure.RosterImports;

namespace Driehoek.Tests.Roster;

/// <summary>
/// Guardians and households belong to the board: one school's import must not change a parent another
/// school of the board also has, nor merge separated parents, but shows the conflict for the board admin.
/// </summary>
public abstract class SharedGuardianImportTests(TestApp app)
{
    [Fact]
    public async Task An_import_leaves_a_parent_another_school_shares_unchanged_and_shows_the_conflict()
    {
        var (a, leaderA, b, leaderB) = await TwoSchoolsOfOneBoardAsync();
        var email = $"els.{a.Id:N}@test.invalid";
        await CommitAsync(leaderA, await PreviewAsync(leaderA, a, Student("A1", Parent("Els", "Jansen", email, "0611111111", "1234AB", "1"))));
        var before = await GuardianAsync(a, email);

        var preview = await PreviewAsync(leaderB, b, Student("B1", Parent("Elsje", "Bos", email, "0622222222", "9999ZZ", "9")));

        var conflict = Assert.Single(preview.FindAll("#conflicts tbody tr")).TextContent;
        Assert.Contains("\"Elsje Bos\"", conflict, StringComparison.Ordinal);
        Assert.Contains("\"Els Jansen\"", conflict, StringComparison.Ordinal);
        Assert.Contains("\"0622222222\"", conflict, StringComparison.Ordinal);
        Assert.Contains("\"0611111111\"", conflict, StringComparison.Ordinal);
        Assert.Contains("(9999ZZ-9)", conflict, StringComparison.Ordinal);
        Assert.Contains("(1234AB-1)", conflict, StringComparison.Ordinal);
        var english = await leaderB.GetAsync(preview.Url.PathAndQuery + "?lang=en");
        Assert.Contains("the board admin decides", english.Find("#conflicts tbody")?.TextContent, StringComparison.Ordinal);

        var done = await CommitAsync(leaderB, preview);
        Assert.NotNull(done.Find(".notice"));
        Assert.StartsWith("1 ", done.Find("#conflicts-left")?.TextContent, StringComparison.Ordinal);
        var after = await GuardianAsync(a, email);
        Assert.Equal((before.FirstName, before.LastName, before.Phone, before.HouseholdId), (after.FirstName, after.LastName, after.Phone, after.HouseholdId));
        Assert.Equal(("Els", "0611111111"), (after.FirstName, after.Phone));
        // The import's own link still applies: the parent is now a guardian of school B's student.
        Assert.True(await app.WithDbAsync(db => db.Guardianships.AnyAsync(l => l.SchoolId == b.Id && l.GuardianId == after.Id && l.HasParentalAuthority)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_import_does_not_merge_separated_parents_when_one_is_another_schools_parent(bool withAddresses)
    {
        var (a, leaderA, b, leaderB) = await TwoSchoolsOfOneBoardAsync();
        var mother = $"sanne.{a.Id:N}@test.invalid";
        var father = $"piet.{a.Id:N}@test.invalid";
        await CommitAsync(leaderA, await PreviewAsync(leaderA, a, Student("A1", Parent("Sanne", "Smit", mother, "", "1111AA", "1"))));
        await CommitAsync(leaderB, await PreviewAsync(leaderB, b,
            Student("B1", Parent("Sanne", "Smit", mother, "", "1111AA", "1"), Parent("Piet", "Smit", father, "", "2222BB", "2"))));
        var (motherBefore, fatherBefore) = ((await GuardianAsync(a, mother)).HouseholdId, (await GuardianAsync(a, father)).HouseholdId);
        Assert.NotEqual(motherBefore, fatherBefore);

        // The file says they live together: at one address, or on one line without addresses.
        var together = withAddresses
            ? Student("B1", Parent("Sanne", "Smit", mother, "", "1111AA", "1"), Parent("Piet", "Smit", father, "", "1111AA", "1"))
            : Student("B1", Parent("Sanne", "Smit", mother), Parent("Piet", "Smit", father));
        var preview = await PreviewAsync(leaderB, b, together);

        var conflict = Assert.Single(preview.FindAll("#conflicts tbody tr")).TextContent;
        Assert.Contains("Piet Smit", conflict, StringComparison.Ordinal);
        Assert.Contains("(1111AA-1)", conflict, StringComparison.Ordinal);
        Assert.Contains("(2222BB-2)", conflict, StringComparison.Ordinal);
        await CommitAsync(leaderB, preview);
        Assert.Equal(motherBefore, (await GuardianAsync(a, mother)).HouseholdId);
        Assert.Equal(fatherBefore, (await GuardianAsync(a, father)).HouseholdId);
    }

    [Fact]
    public async Task A_parent_only_this_school_has_is_still_updated_next_to_a_shared_one()
    {
        var (a, leaderA, b, leaderB) = await TwoSchoolsOfOneBoardAsync();
        var shared = $"anna.{a.Id:N}@test.invalid";
        var own = $"omar.{a.Id:N}@test.invalid";
        await CommitAsync(leaderA, await PreviewAsync(leaderA, a, Student("A1", Parent("Anna", "Visser", shared, "0611111111", "3333CC", "3"))));
        await CommitAsync(leaderB, await PreviewAsync(leaderB, b,
            Student("B1", Parent("Anna", "Visser", shared, "0611111111", "3333CC", "3")),
            Student("B2", Parent("Omar", "Haddad", own, "0633333333", "4444DD", "4"))));

        var preview = await PreviewAsync(leaderB, b,
            Student("B1", Parent("Anna", "Kok", shared, "0611111111", "3333CC", "3")),
            Student("B2", Parent("Omar", "El Haddad", own, "0644444444", "5555EE", "5")));

        var conflict = Assert.Single(preview.FindAll("#conflicts tbody tr")).TextContent;
        Assert.Contains("Anna Kok", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", conflict, StringComparison.Ordinal);
        await CommitAsync(leaderB, preview);
        Assert.Equal("Visser", (await GuardianAsync(a, shared)).LastName);
        var updated = await GuardianAsync(a, own);
        Assert.Equal(("El Haddad", "0644444444"), (updated.LastName, updated.Phone));
        Assert.Equal("addr:5555EE-5", await app.WithDbAsync(db => db.Households.Where(h => h.Id == updated.HouseholdId).Select(h => h.Key).SingleAsync()));
    }

    private async Task<(SchoolBuilder A, AppClient LeaderA, SchoolBuilder B, AppClient LeaderB)> TwoSchoolsOfOneBoardAsync()
    {
        var a = await app.World.SchoolAsync();
        var b = await app.World.SchoolAsync(boardId: a.BoardId);
        return (a, await LeaderAsync(a), b, await LeaderAsync(b));
    }

    private async Task<AppClient> LeaderAsync(SchoolBuilder school) =>
        await app.SignInAsync((await school.StaffAsync(StaffRole.SchoolLeader)).Email!);

    private static Task<Page> PreviewAsync(AppClient leader, SchoolBuilder school, params string[] students) =>
        leader.UploadAsync($"/school/{school.Id}/import", "File",
            RosterFiles.Utf8(RosterFiles.StudentHeader + "\n" + string.Join("\n", students) + "\n"), "leerlingen.csv");

    private Task<Guardian> GuardianAsync(SchoolBuilder school, string email) =>
        app.WithDbAsync(db => db.Guardians.AsNoTracking().SingleAsync(g => g.BoardId == school.BoardId && g.Email == email));

    /// <summary>A line of <see cref="RosterFiles.StudentHeader"/>: a student in Groep 1 with one or two parents.</summary>
    private static string Student(string number, string parent1, string parent2 = ";;;;;;;;") =>
        $"{number};Kind;;{number};03-04-2016;Groep 1;1;;{parent1};{parent2}";

    private static string Parent(string first, string last, string email, string phone = "", string postcode = "", string house = "") =>
        $"{first};{last};{email};{phone};ouder;ja;nl;{postcode};{house}";
}

[Collection(SqliteCollection.Name)]
public sealed class SharedGuardianImportTests_Sqlite(SqliteApp app) : SharedGuardianImportTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class SharedGuardianImportTests_Postgres(PostgresApp app) : SharedGuardianImportTests(app);
