namespace Driehoek.Web.Infrastructure.Audit;

/// <summary>A read or change of a sensitive record, kept so a school can answer "who saw this?".</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? SchoolId { get; set; }
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public Guid? SubjectId { get; set; }
    public DateTime At { get; set; }
}
