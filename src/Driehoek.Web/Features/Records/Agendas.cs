using System.Text.Json;
using Driehoek.Web.Features.Rounds;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Records;

/// <summary>
/// The agenda per form: the defaults (items with resource keys, so every reader sees them in their own
/// language) and a school's own version once a leader has saved one.
/// </summary>
public static class Agendas
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static AgendaItem D(string key, bool inTurns = false) => new(key, null, inTurns);

    public static IReadOnlyList<AgendaItem> Defaults(AgendaForm form) => form switch
    {
        AgendaForm.ThreeWay =>
        [
            D("Introductions"), D("Strengths", inTurns: true), D("Development", inTurns: true), D("Priority"), D("Plan", inTurns: true),
            D("Wrap"),
        ],
        AgendaForm.Start => [D("Acquaintance"), D("Home"), D("Expectations"), D("LearningAtHome"), D("YearAgreements")],
        AgendaForm.End => [D("YearClosing"), D("Handover")],
        AgendaForm.Special =>
        [
            D("Goal"), D("ChildPart"), D("GoesWell"), D("HomeAndSchool"), D("Brainstorm"), D("Needs", inTurns: true), D("SupportRoute"),
        ],
        _ => [D("LookBack"), D("OnCourse"), D("LookAhead")],
    };

    /// <summary>A three-way form is the round-robin; an extra round is a special conversation; then by the time of year.</summary>
    public static AgendaForm FormOf(ConversationRound round) => round switch
    {
        { Form: ConversationForm.ThreeWay } => AgendaForm.ThreeWay,
        { Kind: RoundKind.Extra } => AgendaForm.Special,
        { Form: ConversationForm.StartConversation } or { Kind: RoundKind.Start } => AgendaForm.Start,
        { Kind: RoundKind.End } => AgendaForm.End,
        _ => AgendaForm.Progress,
    };

    /// <summary>The school's agenda for this form: its own if a leader saved one, else the defaults.</summary>
    public static async Task<(IReadOnlyList<AgendaItem> Items, Guid? Version)> ForSchoolAsync(AppDbContext db, Guid schoolId, AgendaForm form,
        CancellationToken ct)
    {
        var own = await db.AgendaTemplates.AsNoTracking().Where(t => t.SchoolId == schoolId && t.Form == form)
            .Select(t => new { t.Items, t.Version }).FirstOrDefaultAsync(ct);
        return own is null ? (Defaults(form), null) : (Parse<AgendaItem>(own.Items), own.Version);
    }

    public static string Title(IStringLocalizer text, string? key, string? title) =>
        title ?? (key is null ? "" : text[$"Agenda.{key}"]);

    public static string? Hint(IStringLocalizer text, string? key, string? title) =>
        title is not null || key is null ? null : text[$"Agenda.{key}.Hint"].Value;

    /// <summary>The keys of the default items: any other key is not an item of ours.</summary>
    public static readonly IReadOnlySet<string> Keys = Enum.GetValues<AgendaForm>().SelectMany(Defaults).Select(i => i.Key!).ToHashSet();

    /// <summary>An item names a default (by a key we know) or has its own title, never neither.</summary>
    public static bool Valid(string? key, string? title) =>
        (key is null || Keys.Contains(key)) && (key is not null || !string.IsNullOrWhiteSpace(title)) && !(title?.Length > Limits.Title);

    public static List<T> Parse<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    public static string Write<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items, Json);
}
