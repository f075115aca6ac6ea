namespace Driehoek.Tests.Conversations;

/// <summary>Planning and asking as the pages do it, for tests that need a conversation outside the rounds to exist.</summary>
internal static class OutsideConversations
{
    /// <summary>A level-2 conversation with a colleague and a youth doctor of the GGD, at two times next week.</summary>
    public static Task<Page> PlanAsync(AppClient staff, Guid studentId, Guid colleagueId, string purpose, string staffNote) =>
        staff.SubmitAsync($"/students/{studentId}/conversations", new()
        {
            ["Purpose"] = purpose, ["StaffNote"] = staffNote, ["SupportLevel"] = "2", ["AskedBy"] = "De mentor",
            ["Decision"] = "Of er extra leeshulp komt", ["DecidedBy"] = "De intern begeleider, met de ouders", ["StudentTakesPart"] = "true",
            ["StaffIds"] = colleagueId.ToString(),
            ["Externals[0].Name"] = "J. de Vries", ["Externals[0].Organisation"] = "GGD", ["Externals[0].Role"] = "jeugdarts",
            ["Times[0].Date"] = "2026-11-17", ["Times[0].Start"] = "15:00", ["Times[0].Minutes"] = "45", ["Times[0].Place"] = "Kamer 12",
            ["Times[1].Date"] = "2026-11-19", ["Times[1].Start"] = "14:00", ["Times[1].Minutes"] = "45", ["Times[1].Place"] = "https://video.example/abc",
        });

    public static Task<Page> AskAsync(AppClient family, Guid studentId, string reason) =>
        family.SubmitAsync($"/children/{studentId}/conversations", new() { ["Reason"] = reason }, formSelector: "form[action*='handler=Ask']");
}
