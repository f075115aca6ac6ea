namespace Driehoek.Web.Features.FollowThrough;

/// <summary>Strings of the round overview, the teacher's day list and recording outcomes (staff: Dutch and English).</summary>
public sealed class FollowThroughText;
