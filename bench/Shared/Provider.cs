namespace Driehoek.Bench;

/// <summary>The database a benchmark runs the app on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

public static class ProviderChoice
{
    /// <summary>The value of <c>--provider</c>: sqlite, postgres or both.</summary>
    public static List<Provider> Parse(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => [Provider.Sqlite],
        "postgres" => [Provider.Postgres],
        "both" => [Provider.Sqlite, Provider.Postgres],
        _ => throw new ArgumentException("--provider is sqlite, postgres or both"),
    };
}
