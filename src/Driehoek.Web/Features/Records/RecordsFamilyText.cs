namespace Driehoek.Web.Features.Records;

/// <summary>Strings parents and students see: what is shared with them and the student's guide (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class RecordsFamilyText;
