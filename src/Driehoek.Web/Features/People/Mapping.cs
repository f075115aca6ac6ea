using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.People;

internal static class PersonNameMapping
{
    public static void HasPersonName<T>(this EntityTypeBuilder<T> b) where T : class, IPersonName
    {
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastNamePrefix).HasMaxLength(20);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Ignore("FullName");
    }
}

internal sealed class StudentMapping : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(40);
        b.HasPersonName();
        b.HasIndex(x => new { x.SchoolId, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EnrollmentMapping : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.HasIndex(x => new { x.StudentId, x.SchoolYearId }).IsUnique();
        b.HasIndex(x => x.GroupId);
        b.HasIndex(x => x.SchoolId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdMapping : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuardianMapping : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> b)
    {
        b.Property(x => x.ExternalKey).HasMaxLength(300);
        b.HasPersonName();
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.PreferredLanguage).HasMaxLength(8);
        b.HasIndex(x => new { x.BoardId, x.ExternalKey }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.HouseholdId);
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GuardianshipMapping : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> b)
    {
        b.HasIndex(x => new { x.StudentId, x.GuardianId }).IsUnique();
        // A parent's children at one school (the access profile, invitations' "has a child at this school"):
        // also serves the foreign key. Without it SQLite scans every link of the board per guardian.
        b.HasIndex(x => new { x.GuardianId, x.SchoolId });
        b.HasIndex(x => x.SchoolId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Guardian>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffMemberMapping : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(40);
        b.HasPersonName();
        b.HasIndex(x => new { x.SchoolId, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StaffAssignmentMapping : IEntityTypeConfiguration<StaffAssignment>
{
    public void Configure(EntityTypeBuilder<StaffAssignment> b)
    {
        b.Property(x => x.Subject).HasMaxLength(60);
        b.HasIndex(x => x.StaffMemberId);
        b.HasIndex(x => x.GroupId);
        b.HasIndex(x => x.SchoolId);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoardAdminMapping : IEntityTypeConfiguration<BoardAdmin>
{
    public void Configure(EntityTypeBuilder<BoardAdmin> b)
    {
        b.HasIndex(x => new { x.BoardId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
