using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Records;

internal sealed class AgendaTemplateMapping : IEntityTypeConfiguration<AgendaTemplate>
{
    public void Configure(EntityTypeBuilder<AgendaTemplate> b)
    {
        b.Property(x => x.Items).Unbounded();
        b.HasIndex(x => new { x.SchoolId, x.Form }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationRecordMapping : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> b)
    {
        b.Property(x => x.Entries).Unbounded();
        b.Property(x => x.SharedSummary).HasMaxLength(Limits.Text);
        b.Property(x => x.UpdatedByName).HasMaxLength(200);
        b.HasIndex(x => x.BookingId).IsUnique();
        b.HasIndex(x => x.StudentId);
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudentNoteMapping : IEntityTypeConfiguration<StudentNote>
{
    public void Configure(EntityTypeBuilder<StudentNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(Limits.Text);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.CreatedAt });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>How long what people type may be: long enough for a conversation, far below what would hurt.</summary>
public static class Limits
{
    public const int Text = 4000;
    public const int Title = 200;
    public const int Items = 30;
}
