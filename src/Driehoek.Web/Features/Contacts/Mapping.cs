using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Contacts;

internal sealed class ContactEntryMapping : IEntityTypeConfiguration<ContactEntry>
{
    public void Configure(EntityTypeBuilder<ContactEntry> b)
    {
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(ContactRules.MaxSummary);
        b.HasIndex(x => new { x.StudentId, x.At });
        b.HasIndex(x => new { x.SchoolId, x.At });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernMapping : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> b)
    {
        b.Property(x => x.Text).HasMaxLength(ContactRules.MaxConcern);
        b.Property(x => x.Reply).HasMaxLength(ContactRules.MaxReply);
        b.Property(x => x.HandledByName).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.CreatedAt });
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
