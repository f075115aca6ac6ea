using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Roster;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Grades;

/// <summary>A student's report grade in one subject and report period, as the student administration exported it.</summary>
public sealed class ReportGrade
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The subject code, lower case ("wi", "ne").</summary>
    public required string Subject { get; set; }
    public required string Period { get; set; }
    /// <summary>The grade in hundredths: 5,45 is 545 (exact, and comparable on SQLite as well).</summary>
    public int Hundredths { get; set; }
    public Guid? ImportId { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>An uploaded grades export, kept from preview to commit so what is committed is what was shown.</summary>
public sealed class GradeImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string FileName { get; set; }
    public required string Content { get; set; }
    public RosterImportStatus Status { get; set; }
    public int Rows { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>JSON of <see cref="GradePreview"/>.</summary>
    public required string Preview { get; set; }
    public string? FailureReason { get; set; }
    public int TasksCreated { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

internal sealed class ReportGradeMapping : IEntityTypeConfiguration<ReportGrade>
{
    public void Configure(EntityTypeBuilder<ReportGrade> b)
    {
        b.Property(x => x.Subject).HasMaxLength(GradeLimits.MaxSubject);
        b.Property(x => x.Period).HasMaxLength(GradeLimits.MaxPeriod);
        b.HasIndex(x => new { x.StudentId, x.Subject, x.Period }).IsUnique();
        b.HasIndex(x => x.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GradeImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GradeImportMapping : IEntityTypeConfiguration<GradeImport>
{
    public void Configure(EntityTypeBuilder<GradeImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Content).Unbounded();
        b.Property(x => x.Preview).Unbounded();
        b.Property(x => x.FailureReason).HasMaxLength(200);
        b.HasIndex(x => new { x.SchoolId, x.UploadedAt });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class GradeLimits
{
    public const int MaxSubject = 60;
    public const int MaxPeriod = 40;
    /// <summary>A school of 4,000 students with 15 subjects over two periods at once, and room to spare.</summary>
    public const int MaxRows = 200_000;
    public const int MaxBytes = 20 * 1024 * 1024;
}
