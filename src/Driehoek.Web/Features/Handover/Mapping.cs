using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Handover;

internal sealed class StudentHandoverMapping : IEntityTypeConfiguration<StudentHandover>
{
    public void Configure(EntityTypeBuilder<StudentHandover> b)
    {
        b.Property(x => x.ReleasedByName).HasMaxLength(200);
        b.Property(x => x.ReadByName).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.SchoolYearId }).IsUnique();
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HandoverItemMapping : IEntityTypeConfiguration<HandoverItem>
{
    public void Configure(EntityTypeBuilder<HandoverItem> b)
    {
        b.Property(x => x.Text).HasMaxLength(Records.Limits.Text);
        b.Property(x => x.Person).HasMaxLength(200);
        b.HasIndex(x => x.HandoverId);
        b.HasOne<StudentHandover>().WithMany().HasForeignKey(x => x.HandoverId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandoverSettingsMapping : IEntityTypeConfiguration<HandoverSettings>
{
    public void Configure(EntityTypeBuilder<HandoverSettings> b)
    {
        b.HasKey(x => x.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
