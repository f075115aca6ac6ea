using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Tests;

public class ValidationTests
{
    private static IReadOnlyList<string> ErrorsOf(string json) =>
        InstanceValidator.Validate(InstanceJson.Parse(json)).Select(e => e.ToString()).ToList();

    private static string Edit(string from, string to) =>
        TestInstances.FormatExample.Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public void The_format_example_is_valid() => Assert.Empty(ErrorsOf(TestInstances.FormatExample));

    [Fact]
    public void Unknown_teacher_is_named_with_its_path_and_request_id()
    {
        var errors = ErrorsOf(Edit("[\"t11\", \"t12\"]", "[\"t11\", \"t99\"]"));

        Assert.Equal("families[0].requests[1] (r089): teacher \"t99\" is not defined", Assert.Single(errors));
    }

    [Fact]
    public void Slot_out_of_range_is_named_with_the_range()
    {
        var errors = ErrorsOf(Edit("[27, 28, 29, 30]", "[27, 28, 29, 42]"));

        Assert.Equal("families[0].available[3] (f031): slot 42 is out of range (the instance has slots 0–41)", Assert.Single(errors));
    }

    [Fact]
    public void Duplicate_ids_are_named()
    {
        var errors = ErrorsOf(Edit("\"id\": \"r089\"", "\"id\": \"r088\"").Replace("{ \"id\": \"t12\" }", "{ \"id\": \"t11\" }", StringComparison.Ordinal));

        Assert.Contains("teachers[2] (t11): duplicate teacher id \"t11\"", errors);
        Assert.Contains("families[0].requests[1] (r088): duplicate request id \"r088\"", errors);
    }

    [Fact]
    public void Negative_length_is_named()
    {
        var errors = ErrorsOf(Edit("\"length\": 2", "\"length\": -2"));

        Assert.Equal("families[0].requests[1] (r089): length must be at least 1 slot, got -2", Assert.Single(errors));
    }

    [Fact]
    public void A_length_longer_than_every_session_is_named()
    {
        var errors = ErrorsOf(Edit("\"length\": 2", "\"length\": 16"));

        Assert.Contains("longest session (15 slots)", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_zero_bad_clock_and_overlapping_sessions_are_all_reported_together()
    {
        var json = Edit("\"priority\": 2", "\"priority\": 0")
            .Replace("{ \"start\": \"19:00\", \"slots\": 15 } ] },", "{ \"start\": \"16:30\", \"slots\": 15 } ] },", StringComparison.Ordinal)
            .Replace("\"thu\", \"sessions\": [ { \"start\": \"19:00\"", "\"thu\", \"sessions\": [ { \"start\": \"7pm\"", StringComparison.Ordinal);

        var errors = ErrorsOf(json);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("families[0].requests[0] (r088): priority must be at least 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("days[0].sessions[1] (tue): starts at 16:30, before the previous session", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("days[1].sessions[0] (thu): start \"7pm\" is not a time of day", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_schema_and_bad_max_consecutive_are_named()
    {
        var errors = ErrorsOf(Edit("driehoek-ptc/1", "driehoek-ptc/2").Replace("\"maxConsecutive\": 12", "\"maxConsecutive\": 0", StringComparison.Ordinal));

        Assert.Contains("schema: expected \"driehoek-ptc/1\", got \"driehoek-ptc/2\"", errors);
        Assert.Contains("teachers[0] (t07): maxConsecutive must be at least 1, got 0", errors);
    }

    [Fact]
    public void Solver_refuses_an_inconsistent_instance_and_lists_every_problem()
    {
        var instance = InstanceJson.Parse(Edit("[\"t07\"]", "[\"t08\"]").Replace("\"length\": 2", "\"length\": 0", StringComparison.Ordinal));

        var ex = Assert.Throws<InstanceException>(() => Solver.Solve(instance, new SolverOptions { TimeBudget = TimeSpan.FromMilliseconds(50) }));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("t08", ex.Message, StringComparison.Ordinal);
        Assert.Contains("r089", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_built_in_code_with_nulls_get_errors_not_crashes()
    {
        var instance = new Instance(Instance.SchemaId, "code", 10, [new Day("tue", [new Session("19:00", 4)])],
            [new Teacher("t1")], [new Family("f1", [new Request("r1", "s1", null!, 1, 1)])]);

        var error = Assert.Single(InstanceValidator.Validate(instance));

        Assert.Equal("families[0].requests[0] (r1): lists no teacher", error.ToString());
    }
}
