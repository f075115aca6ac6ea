using System.Text.Json;
using Driehoek.Scheduling.Json;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling.Tests;

public class JsonFormatTests
{
    [Fact]
    public void Example_from_the_format_parses_with_its_exact_fields()
    {
        var instance = InstanceJson.ParseValidated(TestInstances.FormatExample);

        Assert.Equal("vo-1000-s3", instance.Name);
        Assert.Equal(10, instance.SlotMinutes);
        Assert.Equal(42, SlotCalendar.From(instance).SlotCount);
        Assert.Equal(12, instance.Teachers[0].MaxConsecutive);
        Assert.Null(instance.Teachers[1].Available);
        var request = instance.Families[0].Requests[1];
        Assert.Equal(["t11", "t12"], request.Teachers);
        Assert.Equal(2, request.Length);
    }

    [Fact]
    public void Instance_round_trips_through_json_with_camel_case_names_and_no_nulls()
    {
        var instance = InstanceJson.Parse(TestInstances.FormatExample);

        var json = InstanceJson.Serialize(instance);
        var again = InstanceJson.Parse(json);

        Assert.Equal(json, InstanceJson.Serialize(again));
        using var doc = JsonDocument.Parse(json);
        var teacher = doc.RootElement.GetProperty("teachers")[1];
        Assert.False(teacher.TryGetProperty("available", out _));
        Assert.True(doc.RootElement.GetProperty("families")[0].TryGetProperty("requests", out _));
        Assert.Equal("available", doc.RootElement.GetProperty("families")[0].EnumerateObject().ElementAt(1).Name);
    }

    [Fact]
    public void Solution_is_written_with_the_format_field_names()
    {
        var solution = Solution.Create("x", [new Assignment("r1", "t1", 3)], [new Unplaced("r2", "why")]);

        using var doc = JsonDocument.Parse(SolutionJson.Serialize(solution));

        Assert.Equal("driehoek-ptc-solution/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal("x", doc.RootElement.GetProperty("instance").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("assignments")[0].GetProperty("start").GetInt32());
        Assert.Equal("why", doc.RootElement.GetProperty("unplaced")[0].GetProperty("reason").GetString());
        Assert.Equal(solution.Assignments, SolutionJson.Parse(SolutionJson.Serialize(solution)).Assignments);
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var broken = TestInstances.FormatExample.Replace("\"slots\": 12 }", "\"slots\": 12 ", StringComparison.Ordinal);

        var ex = Assert.Throws<InstanceException>(() => InstanceJson.Parse(broken));

        Assert.Contains("line 6", ex.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_the_request_by_path_and_id()
    {
        var wrong = TestInstances.FormatExample.Replace("\"length\": 2", "\"length\": \"two\"", StringComparison.Ordinal);

        var error = Assert.Throws<InstanceException>(() => InstanceJson.Parse(wrong)).Errors.Single();

        Assert.Equal("families[0].requests[1]", error.Location);
        Assert.Equal("r089", error.ElementId);
        Assert.StartsWith("families[0].requests[1] (r089): length:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_field_is_rejected_instead_of_meaning_available_everywhere()
    {
        var typo = TestInstances.FormatExample.Replace("\"available\": [27", "\"availabe\": [27", StringComparison.Ordinal);

        var error = Assert.Throws<InstanceException>(() => InstanceJson.Parse(typo)).Errors.Single();

        Assert.Contains("unknown field \"availabe\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("f031", error.ElementId);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var missing = TestInstances.FormatExample.Replace("\"student\": \"s140\", ", "", StringComparison.Ordinal);

        var error = Assert.Throws<InstanceException>(() => InstanceJson.Parse(missing)).Errors.Single();

        Assert.Contains("student", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Equal("families[0].requests[0]", error.Location);
    }

    [Fact]
    public void Null_where_a_list_belongs_is_an_error_not_a_crash()
    {
        var nulled = TestInstances.FormatExample.Replace("\"teachers\": [\"t07\"]", "\"teachers\": null", StringComparison.Ordinal);

        var error = Assert.Throws<InstanceException>(() => InstanceJson.Parse(nulled)).Errors.Single();

        Assert.Equal("r088", error.ElementId);
    }
}
