namespace Driehoek.Web.Features.Records;

/// <summary>Strings staff see on the record, agenda and notes pages (Dutch and English).</summary>
public sealed class RecordsText;
