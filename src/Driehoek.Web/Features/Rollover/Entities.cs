namespace Driehoek.Web.Features.Rollover;

/// <summary>
/// A school's move from one school year to the next, made once: the unique <see cref="FromYearId"/> turns a second
/// run (a double click, another app instance) into "already done".
/// </summary>
public sealed class YearRollover
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid FromYearId { get; set; }
    public Guid ToYearId { get; set; }
    public Guid ByUserId { get; set; }
    public DateTime RolledOverAt { get; set; }
    public int Groups { get; set; }
    public int Students { get; set; }
    public int Leavers { get; set; }
    public int StaffCarried { get; set; }
}

/// <summary>A student who left the school at the end of a school year: not carried into the next one.</summary>
public sealed class Leaver
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The year at whose end the student left.</summary>
    public Guid SchoolYearId { get; set; }
    public Guid RolloverId { get; set; }
}
