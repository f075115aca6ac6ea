using System.Text;
using System.Text.Json;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Roster.Csv;
using Microsoft.Extensions.Configuration;
using static Driehoek.Tests.Infrastructure.RosterImports;

namespace Driehoek.Tests.Roster;

/// <summary>
/// A board's combined school in one file: more lines than the old 20,000 limit, and an import saved in
/// chunks that forget what they wrote, so a family spread over chunks must still be one family.
/// </summary>
public abstract class LargeRosterImportTests(TestApp app)
{
    [Fact]
    public async Task A_file_above_the_old_twenty_thousand_line_limit_is_previewed_without_errors()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        const int rows = 20_001;

        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(CompactStudents(rows)), "bestuur.csv");

        Assert.Empty(preview.Errors);
        var counted = await PreviewOfAsync(preview);
        Assert.Equal(rows, counted.Rows);
        Assert.Equal(rows, counted.Changes.Single(c => c.Entity == nameof(Student)).Added);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_file_of_several_chunks_changes_and_duplicates_nothing()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        const int families = 700;
        var file = RosterFiles.Utf8(FamiliesAcrossChunks(families));

        var first = await leader.UploadAsync($"/school/{school.Id}/import", "File", file, "leerlingen.csv");
        Assert.Empty(first.Errors);
        // Siblings are 700 lines apart, in another chunk: their parents are counted once.
        var planned = (await PreviewOfAsync(first)).Changes.ToDictionary(c => c.Entity);
        Assert.Equal(2 * families, planned[nameof(Guardian)].Added);
        Assert.Equal(0, planned[nameof(Guardian)].Updated);
        Assert.NotNull((await CommitAsync(leader, first)).Find(".notice"));
        var counts = await CountsAsync(school);
        Assert.Equal((2 * families, 2 * families, 2 * families, 4 * families), (counts.Students, counts.Enrollments, counts.Guardians, counts.Guardianships));
        // Every tenth family is separated: two households instead of one.
        Assert.Equal(families + families / 10, counts.Households);
        Assert.Equal(planned[nameof(Household)].Added, counts.Households);

        var again = await leader.UploadAsync($"/school/{school.Id}/import", "File", file, "leerlingen.csv");
        Assert.Empty((await PreviewOfAsync(again)).Changes);
        Assert.NotNull((await CommitAsync(leader, again)).Find(".notice"));
        Assert.Equal(counts, await CountsAsync(school));
    }

    [Fact]
    public void The_line_limit_refuses_one_line_more_with_a_message_and_takes_a_lower_setting()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Roster:MaxRows"] = "50" }).Build();
        var limit = RosterParser.MaxRowsIn(config);

        var over = RosterParser.Parse(RosterFiles.Utf8(CompactStudents(limit + 1)), limit);
        var at = RosterParser.Parse(RosterFiles.Utf8(CompactStudents(limit)), limit);

        Assert.Equal(50, limit);
        Assert.Equal("Roster.TooManyRows", Assert.Single(over.Errors).Key);
        Assert.Empty(at.Errors);
        Assert.True(RosterParser.MaxRowsIn(new ConfigurationBuilder().Build()) >= 100_000);
    }

    private async Task<RosterPreview> PreviewOfAsync(Page page)
    {
        var id = Guid.Parse(page.Url.Segments[^1]);
        var json = await app.WithDbAsync(db => db.Set<RosterImport>().Where(i => i.Id == id).Select(i => i.Preview).SingleAsync());
        return JsonSerializer.Deserialize<RosterPreview>(json)!;
    }

    private sealed record Counts(int Students, int Enrollments, int Guardians, int Guardianships, int Households);

    private Task<Counts> CountsAsync(SchoolBuilder school) => app.WithDbAsync(async db => new Counts(
        await db.Students.CountAsync(s => s.SchoolId == school.Id),
        await db.Enrollments.CountAsync(e => e.SchoolId == school.Id),
        await db.Guardians.CountAsync(g => g.BoardId == school.BoardId),
        await db.Guardianships.CountAsync(g => g.SchoolId == school.Id),
        await db.Households.CountAsync(h => h.BoardId == school.BoardId)));

    /// <summary>The fewest columns a student file needs: no parents, so a large file stays quick to check.</summary>
    private static string CompactStudents(int count)
    {
        var sb = new StringBuilder("Leerlingnummer;Roepnaam;Achternaam;Groep\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append("C").Append(i).Append(";K;F;G").Append(i % 30).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Two children per family, the second <paramref name="families"/> lines after the first (a later chunk
    /// of <see cref="RosterApplier.ChunkSize"/>); every tenth family's parents live at two addresses.
    /// </summary>
    private static string FamiliesAcrossChunks(int families)
    {
        var sb = new StringBuilder(RosterFiles.StudentHeader).Append('\n');
        for (var child = 0; child < 2 * families; child++)
        {
            var f = child % families;
            var secondHouse = f % 10 == 0 ? $"{f}b" : $"{f}";
            sb.Append($"S{child:00000};Kind{child};;Familie{f};03-04-2016;Groep {f % 16 + 1};{f % 8 + 1};;")
              .Append($"Ouder{f}a;Familie{f};ouder{f}a@test.invalid;0612345678;moeder;ja;nl;1234AB;{f};")
              .Append($"Ouder{f}b;Familie{f};ouder{f}b@test.invalid;;vader;ja;{(f % 3 == 0 ? "ar" : "nl")};1234AB;{secondHouse}\n");
        }
        return sb.ToString();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LargeRosterImportTests_Sqlite(SqliteApp app) : LargeRosterImportTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class LargeRosterImportTests_Postgres(PostgresApp app) : LargeRosterImportTests(app)
{
    /// <summary>
    /// Right after a bulk import PostgreSQL's planner would still plan "this school's families" for the rows before
    /// it (and a board's few schools are never analysed by autovacuum), which made the letters page take seconds.
    /// </summary>
    [Fact]
    public async Task A_commit_leaves_fresh_planner_statistics_for_the_schools_and_their_families()
    {
        var (school, leader) = await SchoolWithLeaderAsync(app);
        var before = await AnalysedAsync();

        var preview = await leader.UploadAsync($"/school/{school.Id}/import", "File", RosterFiles.Utf8(RosterFiles.StudentHeader + "\n" +
            "S1;Kind;;Familie;03-04-2016;Groep 1;1;;Ouder;Familie;ouder@test.invalid;;moeder;ja;nl;1234AB;1;;;;;;;;;\n"), "leerlingen.csv");
        Assert.Empty(preview.Errors);
        Assert.NotNull((await CommitAsync(leader, preview)).Find(".notice"));

        // The server reports a backend's activity to pg_stat_user_tables a moment after it happened, not at once.
        string[] tables = ["Schools", "Guardians", "Guardianships", "Students", "Enrollments", "Households"];
        var stale = tables;
        for (var attempt = 0; attempt < 60 && stale.Length > 0; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 500);
            var after = await AnalysedAsync();
            stale = tables.Where(t => after.GetValueOrDefault(t) <= before.GetValueOrDefault(t)).ToArray();
        }
        Assert.True(stale.Length == 0, $"Not analysed after the import: {string.Join(", ", stale)}");
    }

    private async Task<Dictionary<string, DateTime>> AnalysedAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT relname, last_analyze FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var analysed = new Dictionary<string, DateTime>();
        while (await reader.ReadAsync())
        {
            analysed[reader.GetString(0)] = reader.GetDateTime(1);
        }
        return analysed;
    }
}
