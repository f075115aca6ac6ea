using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Rollover;

internal sealed class YearRolloverMapping : IEntityTypeConfiguration<YearRollover>
{
    public void Configure(EntityTypeBuilder<YearRollover> b)
    {
        b.HasIndex(x => x.FromYearId).IsUnique();
        b.HasIndex(x => x.ToYearId).IsUnique();
        b.HasIndex(x => x.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.FromYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.ToYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaverMapping : IEntityTypeConfiguration<Leaver>
{
    public void Configure(EntityTypeBuilder<Leaver> b)
    {
        b.HasIndex(x => new { x.StudentId, x.SchoolYearId }).IsUnique();
        b.HasIndex(x => x.SchoolYearId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<YearRollover>().WithMany().HasForeignKey(x => x.RolloverId).OnDelete(DeleteBehavior.Cascade);
    }
}
