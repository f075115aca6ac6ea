namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// What the test script (scripts/test.sh) starts for the tests. Lanes that need a service fail when
/// it is missing: a green run must mean PostgreSQL, SMTP and the browser really ran.
/// </summary>
public static class TestEnvironment
{
    public static string Postgres => Environment.GetEnvironmentVariable("DRIEHOEK_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "DRIEHOEK_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts PostgreSQL, or set it to a " +
            "connection string of a server where the tests may create databases. To run only SQLite tests: dotnet test --filter Provider!=Postgres");

    public static int? SmtpPort => int.TryParse(Environment.GetEnvironmentVariable("DRIEHOEK_TEST_SMTP_PORT"), out var port) ? port : null;

    public static string? Maildir => Environment.GetEnvironmentVariable("DRIEHOEK_TEST_MAILDIR");

    public static string Chromium => Environment.GetEnvironmentVariable("DRIEHOEK_TEST_CHROMIUM") ?? "/usr/bin/chromium";
}
