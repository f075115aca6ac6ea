namespace Driehoek.Web.Features.Feedback;

/// <summary>Strings of the school's feedback totals (Dutch and English).</summary>
public sealed class FeedbackStaffText;
