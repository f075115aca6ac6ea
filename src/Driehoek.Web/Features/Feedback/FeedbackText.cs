namespace Driehoek.Web.Features.Feedback;

/// <summary>Strings of the feedback page and its points, which parents, students and teachers see (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class FeedbackText;
