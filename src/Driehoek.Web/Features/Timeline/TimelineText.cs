namespace Driehoek.Web.Features.Timeline;

/// <summary>Strings of the timeline; the family reads it too, so all six languages (a few staff-only words among them).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class TimelineText;
