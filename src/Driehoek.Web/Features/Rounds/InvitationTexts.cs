using System.Globalization;
using System.Resources;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Rounds;

/// <summary>What an invitation says for one form in one language: why we meet, and each party's questions.</summary>
public sealed record InvitationText(
    string Purpose, IReadOnlyList<string> ParentQuestions, IReadOnlyList<string> StudentQuestions, IReadOnlyList<string> TeacherQuestions,
    bool Edited)
{
    public IReadOnlyList<string> QuestionsFor(PreparationParty party) => party switch
    {
        PreparationParty.Parent => ParentQuestions,
        PreparationParty.Student => StudentQuestions,
        _ => TeacherQuestions,
    };
}

/// <summary>
/// Resolves an invitation's wording: the school's own text for the form and language when it wrote
/// one, else the standard text from the resources (so every language always has an invitation).
/// </summary>
public static class InvitationTexts
{
    public const int MaxQuestions = 10;
    public const int MaxTextLength = 2000;

    private static readonly ResourceManager Resources = new(typeof(RoundFamilyText));

    public static async Task<InvitationText> ForAsync(AppDbContext db, Guid schoolId, ConversationForm form, string language, CancellationToken ct)
    {
        var lang = Cultures.Normalize(language);
        var own = await db.InvitationTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SchoolId == schoolId && t.Form == form && t.Language == lang, ct);
        return own is null ? Standard(form, lang) : FromTemplate(own);
    }

    /// <summary>The standard text, as the resources word it in <paramref name="language"/>.</summary>
    public static InvitationText Standard(ConversationForm form, string language)
    {
        var culture = CultureInfo.GetCultureInfo(Cultures.Normalize(language));
        string Text(string key) => Resources.GetString(key, culture) ?? key;
        IReadOnlyList<string> Questions(string party, int count) =>
            Enumerable.Range(1, count).Select(i => Text($"Questions.{party}.{i}")).ToList();
        return new InvitationText(Text($"Template.{form}.Purpose"), Questions("Parent", 3), Questions("Student", 3), Questions("Teacher", 2), false);
    }

    public static InvitationText FromTemplate(InvitationTemplate t) =>
        new(t.Purpose, Lines(t.ParentQuestions), Lines(t.StudentQuestions), Lines(t.TeacherQuestions), true);

    /// <summary>One question per non-empty line.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static string Joined(IEnumerable<string> lines) => string.Join("\n", lines);
}
