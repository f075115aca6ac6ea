using Driehoek.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Roster;

public enum RosterKind
{
    Students = 1,
    Staff = 2,
}

public enum RosterImportStatus
{
    /// <summary>Parsed and checked; waiting for someone to commit (or fix the file).</summary>
    Previewed = 1,
    Committing = 2,
    Committed = 3,
    Failed = 4,
}

/// <summary>An uploaded roster file: kept from preview to commit, so what is committed is what was shown.</summary>
public sealed class RosterImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public RosterKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string Content { get; set; }
    public RosterImportStatus Status { get; set; }
    public int Rows { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>JSON of <see cref="RosterPreview"/>: counts, errors and warnings.</summary>
    public required string Preview { get; set; }
    public string? FailureReason { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

internal sealed class RosterImportMapping : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Content).Unbounded();
        b.Property(x => x.Preview).Unbounded();
        b.Property(x => x.FailureReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.SchoolId, x.UploadedAt });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
