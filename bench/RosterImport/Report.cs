using System.Runtime.InteropServices;
using System.Text;

namespace Driehoek.RosterImport;

/// <summary>The markdown report: the machine, then one line per provider and size.</summary>
public static class Report
{
    public const double RatioTarget = 0.5;
    public const long PeakTargetBytes = 600L * 1024 * 1024;

    public static string Write(IReadOnlyList<SizeResult> results, DateTime started, string sizes, string provider)
    {
        var s = new StringBuilder();
        s.AppendLine("# Roster import").AppendLine();
        s.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm} UTC")
            .AppendLine($"- Machine: nproc = {Environment.ProcessorCount}, CPU \"{CpuModel()}\", {RuntimeInformation.OSDescription}")
            .AppendLine($"- .NET: {RuntimeInformation.FrameworkDescription}; workstation GC, app in Production settings on Kestrel over loopback")
            .AppendLine($"- Command: `dotnet run -c Release --project bench/RosterImport -- --provider {provider} --sizes {sizes}`")
            .AppendLine();
        s.AppendLine("| provider | students (families, file) | first import: preview + commit (s) | re-import (s) | re-import ÷ first | peak working set first / re-import (MB) | peak managed heap (MB) | rows after / after re-import |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            s.AppendLine($"| {r.Provider} | {r.Students:N0} ({r.Families:N0}, {r.FileBytes / 1048576.0:F1} MB) "
                         + $"| {r.First.Total.TotalSeconds:F1} ({r.First.Preview.TotalSeconds:F1} + {r.First.Commit.TotalSeconds:F1}) "
                         + $"| {r.Again.Total.TotalSeconds:F1} ({r.Again.Preview.TotalSeconds:F1} + {r.Again.Commit.TotalSeconds:F1}) "
                         + $"| {r.Ratio:P0}{(r.Ratio <= RatioTarget ? "" : " ✗")} "
                         + $"| {Mb(r.First.PeakWorkingSet)} / {Mb(r.Again.PeakWorkingSet)}{(Math.Max(r.First.PeakWorkingSet, r.Again.PeakWorkingSet) <= PeakTargetBytes ? "" : " ✗")} "
                         + $"| {Mb(r.First.PeakManaged)} / {Mb(r.Again.PeakManaged)} "
                         + $"| {Rows(r.After)} / {(r.AfterAgain == r.After ? "same" : Rows(r.AfterAgain))} |");
        }
        s.AppendLine().AppendLine($"Targets: re-import ≤ {RatioTarget:P0} of the first import; peak working set ≤ {PeakTargetBytes / 1048576} MB (✗ marks a miss). "
                                  + "Rows: students / guardians / households / guardianships.");
        return s.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1048576).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Rows(Counts c) => $"{c.Students:N0} / {c.Guardians:N0} / {c.Households:N0} / {c.Guardianships:N0}";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
