using System.Text.Json;

namespace Driehoek.Web.Features.Rounds;

/// <summary>One question with the answer given to it; an answer whose question is gone keeps an empty question.</summary>
public sealed record QuestionAnswer(string Question, string Answer);

/// <summary>How a preparation's answers are stored: a JSON array of strings in the order of the questions.</summary>
public static class PreparationAnswers
{
    public const int MaxLength = 2000;

    public static IReadOnlyList<string> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<string?>>(json)?.Select(a => a ?? "").ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Serialize(IEnumerable<string> answers) => JsonSerializer.Serialize(answers.ToList());

    /// <summary>Line endings as a textarea counts them, so "2000 characters" means the same in the browser and here.</summary>
    public static string Clean(string? answer) => (answer ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    public static bool HasContent(string? json) => Parse(json).Any(a => a.Length > 0);

    /// <summary>Pairs questions with answers; answers beyond the questions (the school changed its text since) stay visible.</summary>
    public static IReadOnlyList<QuestionAnswer> Pair(IReadOnlyList<string> questions, IReadOnlyList<string> answers) =>
        Enumerable.Range(0, Math.Max(questions.Count, answers.Count))
            .Select(i => new QuestionAnswer(i < questions.Count ? questions[i] : "", i < answers.Count ? answers[i] : ""))
            .ToList();
}
