namespace Driehoek.Web.Features.People;

/// <summary>A person's name and address as every people table stores them.</summary>
public interface IPersonName
{
    string FirstName { get; }
    string? LastNamePrefix { get; }
    string LastName { get; }
    string? Email { get; }
}

public sealed class Student : IPersonName
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    /// <summary>The student number in the school's administration system.</summary>
    public required string ExternalId { get; set; }
    public required string FirstName { get; set; }
    public string? LastNamePrefix { get; set; }
    public required string LastName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Email { get; set; }
    public Guid? UserId { get; set; }

    public string FullName => PersonName.Format(FirstName, LastNamePrefix, LastName);
}

/// <summary>A student's place in a group for one school year.</summary>
public sealed class Enrollment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid GroupId { get; set; }
    public Guid SchoolYearId { get; set; }
}

/// <summary>One home. Separated parents who live apart are two households.</summary>
public sealed class Household
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BoardId { get; set; }
    /// <summary>Import key, e.g. postcode and house number; null for households made by hand.</summary>
    public string? Key { get; set; }
}

public sealed class Guardian : IPersonName
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BoardId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>Stable key for re-imports: the export's own id, else the e-mail, else name and address.</summary>
    public required string ExternalKey { get; set; }
    public required string FirstName { get; set; }
    public string? LastNamePrefix { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string PreferredLanguage { get; set; } = "nl";

    public string FullName => PersonName.Format(FirstName, LastNamePrefix, LastName);
}

public enum GuardianRelationship
{
    Parent = 1,
    Guardian = 2,
    FosterParent = 3,
    StepParent = 4,
    Other = 5,
}

public sealed class Guardianship
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StudentId { get; set; }
    public Guid GuardianId { get; set; }
    public GuardianRelationship Relationship { get; set; } = GuardianRelationship.Parent;
    public bool HasParentalAuthority { get; set; } = true;
}

public sealed class StaffMember : IPersonName
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    /// <summary>The staff code (afkorting) or number in the school's administration.</summary>
    public required string ExternalId { get; set; }
    public required string FirstName { get; set; }
    public string? LastNamePrefix { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public Guid? UserId { get; set; }

    public string FullName => PersonName.Format(FirstName, LastNamePrefix, LastName);
}

public enum StaffRole
{
    GroupTeacher = 1,
    Mentor = 2,
    SubjectTeacher = 3,
    CareCoordinator = 4,
    YearCoordinator = 5,
    DepartmentHead = 6,
    SchoolLeader = 7,
    Administrator = 8,
}

/// <summary>A set of staff roles (one bit per <see cref="StaffRole"/>), for school settings that apply per role.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    GroupTeacher = 1 << (int)StaffRole.GroupTeacher,
    Mentor = 1 << (int)StaffRole.Mentor,
    SubjectTeacher = 1 << (int)StaffRole.SubjectTeacher,
    CareCoordinator = 1 << (int)StaffRole.CareCoordinator,
    YearCoordinator = 1 << (int)StaffRole.YearCoordinator,
    DepartmentHead = 1 << (int)StaffRole.DepartmentHead,
    SchoolLeader = 1 << (int)StaffRole.SchoolLeader,
    Administrator = 1 << (int)StaffRole.Administrator,
}

public static class StaffRoleSets
{
    public static StaffRoles AsSet(this StaffRole role) => (StaffRoles)(1 << (int)role);

    public static bool Includes(this StaffRoles set, StaffRole role) => (set & role.AsSet()) != 0;
}

/// <summary>A role a staff member holds at a school, for a group (teacher roles) or school-wide.</summary>
public sealed class StaffAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid StaffMemberId { get; set; }
    public StaffRole Role { get; set; }
    public Guid? GroupId { get; set; }
    public string? Subject { get; set; }
    /// <summary>Year level a year coordinator or department head covers; null means all.</summary>
    public int? Level { get; set; }
}

public sealed class BoardAdmin
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BoardId { get; set; }
    public Guid UserId { get; set; }
}

public static class PersonName
{
    public static string Format(string first, string? prefix, string last) =>
        string.IsNullOrWhiteSpace(prefix) ? $"{first} {last}" : $"{first} {prefix} {last}";
}
