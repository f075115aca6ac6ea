using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Organisation;

internal sealed class BoardMapping : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> b) => b.Property(x => x.Name).HasMaxLength(200);
}

internal sealed class SchoolMapping : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.BrinCode).HasMaxLength(8);
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchoolYearMapping : IEntityTypeConfiguration<SchoolYear>
{
    public void Configure(EntityTypeBuilder<SchoolYear> b)
    {
        b.Property(x => x.Name).HasMaxLength(20);
        b.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupMapping : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.Property(x => x.Name).HasMaxLength(40);
        b.HasIndex(x => new { x.SchoolYearId, x.Name }).IsUnique();
        b.HasIndex(x => x.SchoolId);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
    }
}
