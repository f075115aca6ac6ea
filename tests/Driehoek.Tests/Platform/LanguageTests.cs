using System.Globalization;
using System.Reflection;
using System.Resources;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Tests.Platform;

public sealed class ResourceCompletenessTests
{
    private static readonly Assembly Web = typeof(Cultures).Assembly;

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var name in Web.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            data.Add(name[..^".resources".Length]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_exists_in_every_language_its_audience_reads(string baseName)
    {
        var type = Web.GetType(baseName)!;
        var languages = type.GetCustomAttribute<FamilyFacingAttribute>() is null ? new[] { "en" } : Cultures.Supported.Skip(1).ToArray();
        var manager = new ResourceManager(baseName, Web);
        var dutch = Keys(manager, CultureInfo.InvariantCulture);
        Assert.NotEmpty(dutch);
        foreach (var language in languages)
        {
            var translated = Keys(manager, new CultureInfo(language));
            var missing = dutch.Except(translated).ToList();
            Assert.True(missing.Count == 0, $"{baseName}.{language} lacks: {string.Join(", ", missing)}");
            var extra = translated.Except(dutch).ToList();
            Assert.True(extra.Count == 0, $"{baseName}.{language} has keys Dutch lacks: {string.Join(", ", extra)}");
        }
    }

    private static HashSet<string> Keys(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
    }
}

public abstract class LanguageTests(TestApp app)
{
    [Fact]
    public async Task First_visit_follows_the_browser_and_Arabic_is_right_to_left()
    {
        using var client = app.Client();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar,en;q=0.5");

        var page = await client.GetAsync("/account/sign-in");

        Assert.Equal("rtl", page.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ar", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("تسجيل الدخول", page.Find("h1")!.TextContent);
    }

    [Fact]
    public async Task Dutch_is_the_default_and_left_to_right()
    {
        using var client = app.Client();

        var page = await client.GetAsync("/account/sign-in");

        Assert.Equal("ltr", page.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Inloggen", page.Find("h1")!.TextContent);
    }

    [Fact]
    public async Task A_chosen_language_is_kept_in_the_profile_for_the_next_sign_in()
    {
        var school = await app.World.SchoolAsync();
        var parent = await school.GuardianAsync([await school.StudentAsync(await school.GroupAsync())]);
        using (var client = await app.SignInAsync(parent.Email!))
        {
            var page = await client.SubmitAsync("/parent", new() { ["culture"] = "pl" }, "form.language-form");
            Assert.Equal("pl", page.Document.DocumentElement.GetAttribute("lang"));
        }

        using var fresh = await app.SignInAsync(parent.Email!);
        var home = await fresh.GetAsync("/parent");
        Assert.Equal("pl", home.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Moje dzieci", home.Find("h1")!.TextContent);
    }

    [Fact]
    public async Task Every_page_a_family_or_teacher_sees_has_all_its_strings_in_every_language()
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var child = await school.StudentAsync(group, login: true);
        var parent = await school.GuardianAsync([child]);
        var limited = await school.GuardianAsync([child], authority: false);
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        // Not set up yet while the school requires it: the set-up page explains why, in the user's language.
        var required = await school.StaffAsync(StaffRole.CareCoordinator, authenticator: false);
        var boardAdmin = await app.World.BoardAdminAsync(school.BoardId);
        string[] familyPages = ["/", "/parent", "/account", "/account/authenticator", "/language", "/join/unknown", "/error?status=404"];
        app.MissingResources.Clear();

        foreach (var language in Cultures.Supported)
        {
            foreach (var (email, pages) in new[]
                     {
                         (parent.Email!, familyPages), (limited.Email!, ["/parent"]), (child.Email!, ["/student"]),
                         (required.Email!, ["/account/authenticator"]),
                     })
            {
                using var client = await app.SignInAsync(email);
                foreach (var page in pages)
                {
                    await client.GetAsync(page + (page.Contains('?') ? "&" : "?") + "lang=" + language);
                }
            }
            using var anonymous = app.Client();
            await anonymous.GetAsync("/?lang=" + language);
            await anonymous.GetAsync("/account/sign-in?lang=" + language);
        }
        foreach (var language in new[] { "nl", "en" })
        {
            using var staff = await app.SignInAsync(teacher.Email!);
            await staff.GetAsync($"/teacher?lang={language}");
            await staff.GetAsync($"/groups/{group.Id}?lang={language}");
            await staff.GetAsync($"/students/{child.Id}?lang={language}");
            using var boss = await app.SignInAsync(leader.Email!);
            await boss.GetAsync($"/school/{school.Id}?lang={language}");
            await boss.GetAsync($"/school/{school.Id}/import?lang={language}");
            await boss.GetAsync($"/school/{school.Id}/invitations?lang={language}");
            await boss.GetAsync($"/school/{school.Id}/settings?lang={language}");
            using var board = await app.SignInAsync(boardAdmin.Email!);
            await board.GetAsync($"/board/{school.BoardId}?lang={language}");
            await board.GetAsync($"/board/{school.BoardId}/coverage?lang={language}");
            await boss.GetAsync($"/school/{school.Id}/coverage?lang={language}");
            await staff.GetAsync($"/school/{school.Id}/coverage/{group.Id}?lang={language}");
            await boss.GetAsync($"/school/{school.Id}/invitations?kind=Student&q=niemand&lang={language}");
            var sent = await InvitationSends.SendAllAsync(boss, school.Id, "Staff");
            await boss.GetAsync($"{sent.Url.AbsolutePath}?lang={language}");
        }

        Assert.Empty(app.MissingResources.All);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LanguageTests_Sqlite(SqliteApp app) : LanguageTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class LanguageTests_Postgres(PostgresApp app) : LanguageTests(app);
