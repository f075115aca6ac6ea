using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.People;

/// <summary>Whom we tell about a child: one test per rule of <see cref="FamilyContacts"/>.</summary>
public abstract class FamilyContactsTests(TestApp app)
{
    private const LimitedGuardianAccess Rounds = LimitedGuardianAccess.ConversationRounds;

    private Task<List<FamilyContact>> ContactsAsync(SchoolBuilder school, Person child, LimitedGuardianAccess purpose = Rounds) =>
        app.WithDbAsync(db => FamilyContacts.Of(db, school.Id, purpose).Where(c => c.StudentId == child.Id).ToListAsync());

    private Task SchoolAllowsAsync(SchoolBuilder school, LimitedGuardianAccess allowed) => app.WithDbAsync(async db =>
    {
        (await db.Schools.SingleAsync(s => s.Id == school.Id)).LimitedGuardianAccess = allowed;
        await db.SaveChangesAsync();
    });

    private Task ChangeGuardianAsync(Person guardian, Action<Guardian> change) => app.WithDbAsync(async db =>
    {
        change(await db.Guardians.SingleAsync(g => g.Id == guardian.Id));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_parent_with_parental_authority_is_told()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var mother = await school.GuardianAsync([child], login: false);

        var contact = Assert.Single(await ContactsAsync(school, child));

        Assert.Equal(mother.Id, contact.GuardianId);
        Assert.True(contact.HasParentalAuthority);
        Assert.Equal(mother.Name, contact.Name);
        Assert.Equal(mother.Email, contact.Email);
    }

    [Fact]
    public async Task A_parent_without_authority_is_told_only_for_what_the_school_allows()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        await school.GuardianAsync([child], login: false);
        var father = await school.GuardianAsync([child], login: false, authority: false);

        await SchoolAllowsAsync(school, LimitedGuardianAccess.GroupAndTeachers);
        Assert.DoesNotContain(await ContactsAsync(school, child), c => c.GuardianId == father.Id);

        await SchoolAllowsAsync(school, LimitedGuardianAccess.GroupAndTeachers | LimitedGuardianAccess.ConversationRounds);
        var told = Assert.Single(await ContactsAsync(school, child), c => c.GuardianId == father.Id);
        Assert.False(told.HasParentalAuthority);
        Assert.DoesNotContain(await ContactsAsync(school, child, LimitedGuardianAccess.ConversationOutcomes), c => c.GuardianId == father.Id);
        Assert.Contains(await ContactsAsync(school, child, LimitedGuardianAccess.None), c => c.GuardianId == father.Id);
    }

    [Fact]
    public async Task Separated_parents_are_two_households_each_told_once()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var older = await school.StudentAsync(group);
        var younger = await school.StudentAsync(group);
        var mother = await school.GuardianAsync([older, younger], login: false);
        var stepfather = await school.GuardianAsync([older, younger], login: false, householdId: await HouseholdOfAsync(mother));
        var father = await school.GuardianAsync([older, younger], login: false);

        var contacts = await app.WithDbAsync(db => FamilyContacts.Of(db, school.Id, Rounds)
            .Where(c => c.StudentId == older.Id || c.StudentId == younger.Id).ToListAsync());

        var households = contacts.GroupBy(c => c.HouseholdId).ToList();
        Assert.Equal(2, households.Count);
        Assert.Equal([mother.Id, stepfather.Id], households.Single(h => h.Key == contacts.First(c => c.GuardianId == mother.Id).HouseholdId)
            .Select(c => c.GuardianId).Distinct().Order());
        Assert.Equal([father.Id], households.Single(h => h.Key != contacts.First(c => c.GuardianId == mother.Id).HouseholdId)
            .Select(c => c.GuardianId).Distinct());
        // One row per child and guardian: a household with two children is still one household, each guardian once per child.
        Assert.Equal(6, contacts.Count);
        Assert.Equal(6, contacts.Select(c => (c.StudentId, c.GuardianId)).Distinct().Count());
    }

    [Fact]
    public async Task A_guardian_without_email_stays_on_the_list_for_a_printed_letter()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var offline = await school.GuardianAsync([child], login: false);
        var blank = await school.GuardianAsync([child], login: false);
        await ChangeGuardianAsync(offline, g => g.Email = null);
        await ChangeGuardianAsync(blank, g => g.Email = "  ");

        var contacts = await ContactsAsync(school, child);

        Assert.Equal(2, contacts.Count);
        Assert.All(contacts, c => Assert.Null(c.Email));
        Assert.All(contacts, c => Assert.NotNull(c.HouseholdId));
        Assert.Contains(contacts, c => c.Name == offline.Name);
    }

    [Fact]
    public async Task The_language_on_file_wins_and_falls_back_to_Dutch()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var turkish = await school.GuardianAsync([child], login: false, language: "tr");
        var unknown = await school.GuardianAsync([child], login: false, language: "xx");
        var empty = await school.GuardianAsync([child], login: false);
        await ChangeGuardianAsync(empty, g => g.PreferredLanguage = "");

        var contacts = (await ContactsAsync(school, child)).ToDictionary(c => c.GuardianId);

        Assert.Equal("tr", contacts[turkish.Id].Language);
        Assert.Equal("nl", contacts[unknown.Id].Language);
        Assert.Equal("nl", contacts[empty.Id].Language);
    }

    [Fact]
    public async Task A_guardian_at_another_school_of_the_same_board_is_not_told_about_this_schools_child()
    {
        var school = await app.World.SchoolAsync();
        var other = await app.World.SchoolAsync(boardId: school.BoardId);
        var child = await school.StudentAsync(await school.GroupAsync());
        var parent = await school.GuardianAsync([child], login: false);
        var elsewhere = await other.StudentAsync(await other.GroupAsync());
        var otherParent = await other.GuardianAsync([elsewhere], login: false);

        var here = await app.WithDbAsync(db => FamilyContacts.Of(db, school.Id, Rounds)
            .Where(c => c.StudentId == child.Id || c.StudentId == elsewhere.Id).ToListAsync());
        var there = await app.WithDbAsync(db => FamilyContacts.Of(db, other.Id, Rounds).Where(c => c.StudentId == child.Id).ToListAsync());

        Assert.Equal([parent.Id], here.Select(c => c.GuardianId));
        Assert.DoesNotContain(here, c => c.GuardianId == otherParent.Id);
        Assert.Empty(there);
    }

    [Fact]
    public async Task A_guardian_with_no_household_is_listed_without_one_so_household_mail_skips_them()
    {
        var school = await app.World.SchoolAsync();
        var child = await school.StudentAsync(await school.GroupAsync());
        var parent = await school.GuardianAsync([child], login: false);
        var unplaced = await school.GuardianAsync([child], login: false);
        await ChangeGuardianAsync(unplaced, g => g.HouseholdId = null);

        var contacts = await ContactsAsync(school, child);

        Assert.Null(Assert.Single(contacts, c => c.GuardianId == unplaced.Id).HouseholdId);
        Assert.NotNull(Assert.Single(contacts, c => c.GuardianId == parent.Id).HouseholdId);
    }

    [Fact]
    public async Task A_signed_in_guardian_hears_about_their_own_children_only()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var own = await school.StudentAsync(group);
        var someoneElses = await school.StudentAsync(group);
        var parent = await school.GuardianAsync([own]);
        var stranger = await school.GuardianAsync([someoneElses]);
        var limited = await school.GuardianAsync([someoneElses], authority: false);
        await SchoolAllowsAsync(school, LimitedGuardianAccess.GroupAndTeachers);

        var mine = await app.WithDbAsync(db => FamilyContacts.OfUser(db, parent.UserId!.Value, Rounds).ToListAsync());
        var theirs = await app.WithDbAsync(db => FamilyContacts.OfUser(db, limited.UserId!.Value, Rounds).ToListAsync());

        Assert.Equal([own.Id], mine.Select(c => c.StudentId));
        Assert.DoesNotContain(mine, c => c.GuardianId == stranger.Id);
        Assert.Empty(theirs);
    }

    private Task<Guid> HouseholdOfAsync(Person guardian) =>
        app.WithDbAsync(db => db.Guardians.Where(g => g.Id == guardian.Id).Select(g => g.HouseholdId!.Value).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class FamilyContactsTests_Sqlite(SqliteApp app) : FamilyContactsTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class FamilyContactsTests_Postgres(PostgresApp app) : FamilyContactsTests(app);
