using NetArchTest.Rules;

namespace Driehoek.Tests.Platform;

public sealed class ArchitectureTests
{
    [Fact]
    public void Every_file_in_the_web_project_has_a_namespace_that_mirrors_its_folder()
    {
        var root = Path.Combine(MigrationTests.RepoRoot(), "src", "Driehoek.Web");
        var wrong = new List<string>();
        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var folder = Path.GetDirectoryName(Path.GetRelativePath(root, file))!.Replace('/', '.');
            var expected = folder.Length == 0 ? "Driehoek.Web" : $"Driehoek.Web.{folder}";
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal));
            // dotnet ef writes its migrations with block-scoped namespaces.
            if (line is not null && line != $"namespace {expected};" && line != $"namespace {expected}"
                && !line.StartsWith($"namespace {expected}.", StringComparison.Ordinal))
            {
                wrong.Add($"{Path.GetRelativePath(root, file)}: {line}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Infrastructure_knows_no_feature_features_plug_into_it()
    {
        // The job runner, the outbox, data set-up and web plumbing serve every feature; a feature registers
        // with them (jobs, interceptors, API mapping) rather than being named by them.
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Driehoek.Web.Infrastructure")
            .ShouldNot().HaveDependencyOn("Driehoek.Web.Features")
            .GetResult();

        Assert.True(result.IsSuccessful, "Infrastructure types that use a feature: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Time_comes_from_the_injected_clock()
    {
        var root = Path.Combine(MigrationTests.RepoRoot(), "src");
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("DateTime.Now", StringComparison.Ordinal) || text.Contains("DateTime.UtcNow", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Pages_never_render_text_as_raw_html()
    {
        var root = Path.Combine(MigrationTests.RepoRoot(), "src", "Driehoek.Web");
        var offenders = Directory.GetFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Html.Raw", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }
}
