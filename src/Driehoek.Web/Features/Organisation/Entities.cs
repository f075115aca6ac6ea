using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Organisation;

/// <summary>A school board (schoolbestuur) that runs one or more schools.</summary>
public sealed class Board
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsDemo { get; set; }
    /// <summary>Board admins sign in with a second step (an authenticator code): they see every school's records.</summary>
    public bool TwoFactorForAdmins { get; set; } = true;
    /// <summary>
    /// A student who changes school within the board takes what was handed over along to the new school (the handover
    /// reads it); off unless the board allows it.
    /// </summary>
    public bool HandoverFollowsStudent { get; set; }
}

public enum SchoolKind
{
    Primary = 1,
    Secondary = 2,
}

/// <summary>
/// What a guardian without parental authority may see. Dutch law gives them the important facts
/// on request; a school may choose to share more.
/// </summary>
[Flags]
public enum LimitedGuardianAccess
{
    None = 0,
    GroupAndTeachers = 1,
    ConversationRounds = 2,
    ConversationOutcomes = 4,
}

public sealed class School
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BoardId { get; set; }
    public required string Name { get; set; }
    public SchoolKind Kind { get; set; }
    public string? BrinCode { get; set; }
    public bool IsDemo { get; set; }
    public LimitedGuardianAccess LimitedGuardianAccess { get; set; } = LimitedGuardianAccess.GroupAndTeachers;
    /// <summary>Staff roles that must sign in with a second step (an authenticator code) before they see anything.</summary>
    public StaffRoles TwoFactorRoles { get; set; } = DefaultTwoFactorRoles;
    /// <summary>The care coordinator may read families' preparation answers and booking topics (need to know; off unless the school allows it).</summary>
    public bool CareCoordinatorReadsPreparations { get; set; }
    /// <summary>Days within which a family's request for a conversation gets an answer; null is the default (3).</summary>
    public int? ConversationReplyDays { get; set; }
    /// <summary>
    /// Days after a school year ends that its group teachers, mentors and level staff still read its students' records,
    /// once the school has a newer year (Features/Rollover); null is the default (60).
    /// </summary>
    public int? LastYearReadDays { get; set; }

    /// <summary>The roles that see care information or every record of the school: the care coordinator, leaders, administrators.</summary>
    public const StaffRoles DefaultTwoFactorRoles = StaffRoles.CareCoordinator | StaffRoles.SchoolLeader | StaffRoles.Administrator;

    public const int DefaultLastYearReadDays = 60, MaxLastYearReadDays = 366;

    public static int ReadDaysOf(int? setting) => setting is >= 0 and <= MaxLastYearReadDays ? setting.Value : DefaultLastYearReadDays;
}

public sealed class SchoolYear
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

/// <summary>A group (primary) or class (secondary) in one school year.</summary>
public sealed class Group
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid SchoolYearId { get; set; }
    public required string Name { get; set; }
    public int? Level { get; set; }
}
