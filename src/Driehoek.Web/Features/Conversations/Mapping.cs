using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Conversations;

internal sealed class PlannedConversationMapping : IEntityTypeConfiguration<PlannedConversation>
{
    public void Configure(EntityTypeBuilder<PlannedConversation> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(ConversationRules.MaxPurpose);
        b.Property(x => x.StaffNote).HasMaxLength(ConversationRules.MaxNote);
        b.Property(x => x.AskedBy).HasMaxLength(ConversationRules.MaxShort);
        b.Property(x => x.Decision).HasMaxLength(ConversationRules.MaxShort);
        b.Property(x => x.DecidedBy).HasMaxLength(ConversationRules.MaxShort);
        b.Property(x => x.FamilyMessage).HasMaxLength(ConversationRules.MaxMessage);
        b.Property(x => x.StaffMessage).HasMaxLength(ConversationRules.MaxMessage);
        b.Property(x => x.CancelReason).HasMaxLength(ConversationRules.MaxMessage);
        // The first answer wins: a second guardian answering at once fails on the status it read; staff and
        // family changing it at once fail on the revision.
        b.Property(x => x.Status).IsConcurrencyToken();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.CreatedAt });
        b.HasIndex(x => new { x.SchoolId, x.CreatedAt });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlannedConversationTimeMapping : IEntityTypeConfiguration<PlannedConversationTime>
{
    public void Configure(EntityTypeBuilder<PlannedConversationTime> b)
    {
        b.Property(x => x.Place).HasMaxLength(ConversationRules.MaxPlace);
        b.HasIndex(x => x.ConversationId);
        b.HasOne<PlannedConversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlannedConversationParticipantMapping : IEntityTypeConfiguration<PlannedConversationParticipant>
{
    public void Configure(EntityTypeBuilder<PlannedConversationParticipant> b)
    {
        b.Property(x => x.Name).HasMaxLength(ConversationRules.MaxShort);
        b.Property(x => x.Organisation).HasMaxLength(ConversationRules.MaxShort);
        b.Property(x => x.Role).HasMaxLength(ConversationRules.MaxShort);
        b.HasIndex(x => x.ConversationId);
        b.HasIndex(x => x.StaffMemberId);
        b.HasOne<PlannedConversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationWishMapping : IEntityTypeConfiguration<ConversationWish>
{
    public void Configure(EntityTypeBuilder<ConversationWish> b)
    {
        b.Property(x => x.Reason).HasMaxLength(ConversationRules.MaxMessage);
        b.Property(x => x.Reply).HasMaxLength(ConversationRules.MaxMessage);
        // Of two colleagues answering at once, the first wins.
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasIndex(x => new { x.StudentId, x.CreatedAt });
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
