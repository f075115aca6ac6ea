namespace Driehoek.Bench;

/// <summary>The database a benchmark runs the app on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}
