using System.Diagnostics;
using Driehoek.Scheduling.Cli;
using Driehoek.Scheduling.Json;

namespace Driehoek.Scheduling.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("driehoek-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Run(CancellationToken.None, args);

    private static (int Code, string Out, string Err) Run(CancellationToken token, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, token);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Cli_solve_then_check_reports_a_feasible_schedule_with_metrics()
    {
        var instance = Write("instance.json", InstanceJson.Serialize(TestInstances.Random(7)));

        var solve = Run("solve", instance, "--time", "0.2", "--quiet");
        var solution = Write("solution.json", solve.Out);
        var check = Run("check", instance, solution);

        Assert.Equal(0, solve.Code);
        Assert.Equal("driehoek-ptc-solution/1", SolutionJson.Parse(solve.Out).Schema);
        Assert.Equal(0, check.Code);
        Assert.Contains("feasible: every hard rule holds", check.Out, StringComparison.Ordinal);
        Assert.Contains("parent waiting:", check.Out, StringComparison.Ordinal);
        Assert.Contains("siblings together:", check.Out, StringComparison.Ordinal);
        Assert.Contains("teacher idle:", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_solve_stopped_with_ctrl_c_still_writes_a_feasible_schedule()
    {
        var instance = Write("instance.json", InstanceJson.Serialize(TestInstances.Random(11)));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var solve = Run(cancel.Token, "solve", instance, "--time", "30", "--siblings-apart", "0", "--quiet");
        var check = Run("check", instance, Write("solution.json", solve.Out));

        Assert.Equal(0, solve.Code);
        Assert.Equal(0, check.Code);
    }

    [Fact]
    public void Cli_check_exits_with_1_and_names_the_broken_rule()
    {
        var instance = Write("instance.json", TestInstances.FormatExample);
        var solution = Write("solution.json", """
            { "schema": "driehoek-ptc-solution/1", "instance": "vo-1000-s3",
              "assignments": [ { "request": "r088", "teacher": "t07", "start": 0 }, { "request": "r089", "teacher": "t11", "start": 27 } ],
              "unplaced": [] }
            """);

        var check = Run("check", instance, solution);

        Assert.Equal(1, check.Code);
        Assert.Contains("[availability] r088: f031 is not available at slot 0 (tue 15:00)", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_reports_a_precise_error_for_a_bad_instance_and_exits_with_2()
    {
        var instance = Write("bad.json", TestInstances.FormatExample.Replace("[\"t07\"]", "[\"t99\"]", StringComparison.Ordinal));

        var solve = Run("solve", instance);

        Assert.Equal(2, solve.Code);
        Assert.Contains("families[0].requests[0] (r088): teacher \"t99\" is not defined", solve.Err, StringComparison.Ordinal);
        Assert.Equal("", solve.Out);
    }

    [Fact]
    public void Cli_explains_usage_and_missing_files()
    {
        Assert.Equal(2, Run().Code);
        Assert.Equal(2, Run("frobnicate").Code);
        var missing = Run("solve", Path.Combine(_dir, "nope.json"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.json", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_program_solves_and_checks_end_to_end()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "driehoek-ptc.dll");
        var instance = Write("instance.json", TestInstances.FormatExample);
        var solution = Path.Combine(_dir, "out.json");

        var solve = Start(program, "solve", instance, "--time", "0.2", "--out", solution);
        var check = Start(program, "check", instance, solution);

        Assert.Equal(0, solve.Code);
        Assert.Contains("placement:", solve.Err, StringComparison.Ordinal);
        Assert.Equal(0, check.Code);
        Assert.Contains("placement:          3 of 3 priority", check.Out, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(program);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
