using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Tasks;

/// <summary>What made a task; with <see cref="StaffTask.SourceKey"/> it names the one occurrence the task is for.</summary>
public enum TaskKind
{
    /// <summary>A report grade below the school's threshold: the subject teacher contacts the parents.</summary>
    LowGrade = 1,
    /// <summary>A student's average fell notably since the previous report period: the mentor.</summary>
    GradesFell = 2,
    /// <summary>A student's average rose notably since the previous report period: the mentor.</summary>
    GradesRose = 3,
    /// <summary>Every family of the mentor's group hears from the mentor within the school's window.</summary>
    MentorWindow = 4,
    /// <summary>No positive contact with a family for the school's number of weeks.</summary>
    NoPositiveContact = 5,
    /// <summary>A concern raised by a student or parent (made by the feature that takes concerns in).</summary>
    Concern = 6,
}

public enum TaskState
{
    Open = 1,
    Done = 2,
}

/// <summary>
/// Something a staff member promised to do, with an owner, a due date and escalation when overdue. A rule
/// makes it once per occurrence: (school, kind, source key) is unique, so a re-import or a second instance
/// running the same rule adds nothing.
/// </summary>
public sealed class StaffTask : IConcurrencyVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public TaskKind Kind { get; set; }
    /// <summary>The occurrence within the kind, e.g. student, subject and period of a low grade.</summary>
    public required string SourceKey { get; set; }
    public Guid OwnerId { get; set; }
    /// <summary>Who is told but does not own it (the mentor, when a subject teacher owns a low grade).</summary>
    public Guid? InformedId { get; set; }
    public Guid? StudentId { get; set; }
    public Guid? GroupId { get; set; }
    /// <summary>The subject a subject teacher's task is about; subject teachers see only their subjects' tasks.</summary>
    public string? Subject { get; set; }
    public string? Period { get; set; }
    /// <summary>Facts for the wording, e.g. the grade ("3,8") or the averages ("7,1 → 5,2").</summary>
    public string? Detail { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public TaskState State { get; set; } = TaskState.Open;
    public DateTime? DoneAt { get; set; }
    public Guid? DoneById { get; set; }
    public string? DoneNote { get; set; }
    /// <summary>When the task was handed up for being overdue, and to whom (year coordinator, department head or leader).</summary>
    public DateTime? EscalatedAt { get; set; }
    public Guid? EscalatedToId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A staff member's quiet hours (school time): mail about tasks waits until they end. No row: 21:00–07:00.</summary>
public sealed class StaffQuietHours
{
    public Guid StaffMemberId { get; set; }
    public TimeOnly Start { get; set; } = QuietHours.DefaultStart;
    public TimeOnly End { get; set; } = QuietHours.DefaultEnd;
}

/// <summary>
/// A school's contact arrangement as rules. No row: the grade rules are on with their defaults, the clock rules
/// (window, positive contact) off until a leader turns them on. Grades and thresholds are in hundredths (4,0 = 400).
/// </summary>
public sealed class ContactRules : IConcurrencyVersioned
{
    public Guid SchoolId { get; set; }
    public bool LowGradeOn { get; set; } = true;
    public int LowGradeBelow { get; set; } = 400;
    public int LowGradeDays { get; set; } = 10;
    public bool ChangeOn { get; set; } = true;
    /// <summary>The change of a student's average between two report periods that counts as notable.</summary>
    public int ChangeAtLeast { get; set; } = 150;
    public int ChangeDays { get; set; } = 10;
    public bool WindowOn { get; set; }
    public int WindowStartMonth { get; set; } = 11;
    public int WindowEndMonth { get; set; } = 5;
    public bool PositiveOn { get; set; }
    public int PositiveWeeks { get; set; } = 8;
    /// <summary>Days after the due date before an open task is handed up.</summary>
    public int EscalateAfterDays { get; set; } = 2;
    public Guid Version { get; set; }
}

internal sealed class StaffTaskMapping : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> b)
    {
        b.Property(x => x.SourceKey).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(60);
        b.Property(x => x.Period).HasMaxLength(40);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.Property(x => x.DoneNote).HasMaxLength(TaskLimits.MaxNote);
        b.HasIndex(x => new { x.SchoolId, x.Kind, x.SourceKey }).IsUnique();
        b.HasIndex(x => new { x.OwnerId, x.State, x.DueOn });
        b.HasIndex(x => new { x.SchoolId, x.State, x.DueOn });
        b.HasIndex(x => x.InformedId);
        b.HasIndex(x => x.StudentId);
        b.HasIndex(x => x.EscalatedToId);
        b.HasIndex(x => x.GroupId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.InformedId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.EscalatedToId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StaffQuietHoursMapping : IEntityTypeConfiguration<StaffQuietHours>
{
    public void Configure(EntityTypeBuilder<StaffQuietHours> b)
    {
        b.HasKey(x => x.StaffMemberId);
        b.HasOne<StaffMember>().WithOne().HasForeignKey<StaffQuietHours>(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactRulesMapping : IEntityTypeConfiguration<ContactRules>
{
    public void Configure(EntityTypeBuilder<ContactRules> b)
    {
        b.HasKey(x => x.SchoolId);
        b.HasOne<School>().WithOne().HasForeignKey<ContactRules>(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class TaskLimits
{
    public const int MaxNote = 500;
}
