namespace Driehoek.Tests.ParentEvenings;

/// <summary>The scheduler's result reads as a school leader would say it: conversations and families, not priorities and iterations.</summary>
public abstract class RunWordingTests(TestApp app)
{
    [Fact]
    public async Task The_result_names_the_mentor_conversations_and_the_families_that_miss_one_without_solver_words()
    {
        var e = await Evening.CreateAsync(app, mentorSlots: 2, englishSlots: 0);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await e.AskAsync(app, await e.School.GuardianAsync([await e.School.StudentAsync(e.Group)]));
        }
        using var leader = await app.SignInAsync(e.Leader.Email!);
        var runId = await e.RunAsync(app, leader);

        var page = await leader.GetAsync($"/rounds/{e.Round.Id}/schedule/{runId}");
        var metrics = page.Find("#metrics")!.TextContent;
        Assert.DoesNotContain("prioriteit", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stappen", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2 van 3 gesprekken", metrics);
        Assert.Equal("niet ingepland: 1 van de 3 gesprekken met de mentor of groepsleerkracht", page.Find("[data-metric='main']")!.TextContent);
        Assert.Equal("1", page.Find("[data-metric='families-missing']")!.TextContent);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RunWordingTests_Sqlite(SqliteApp app) : RunWordingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RunWordingTests_Postgres(PostgresApp app) : RunWordingTests(app);
