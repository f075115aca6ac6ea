using Xunit.Abstractions;

namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Figures a test reports about itself (cells tried, malformed requests sent): to the test's output, and —
/// when <c>scripts/test.sh</c> sets <c>DRIEHOEK_TEST_COUNTS</c> — to a file the script prints before its
/// summary line, so CI shows them.
/// </summary>
internal static class TestCounts
{
    private static readonly Lock Gate = new();

    public static void Report(ITestOutputHelper output, TestApp app, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("DRIEHOEK_TEST_COUNTS") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, $"{app.Provider}: {line}{Environment.NewLine}");
            }
        }
    }
}
