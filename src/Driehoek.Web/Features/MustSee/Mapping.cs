using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.MustSee;

internal sealed class MustSeeMarkMapping : IEntityTypeConfiguration<MustSeeMark>
{
    public void Configure(EntityTypeBuilder<MustSeeMark> b)
    {
        b.Property(x => x.Reason).HasMaxLength(MustSeeMark.MaxReasonLength);
        // One mark per teacher and child in a round: a second click (or a race) finds the first.
        b.HasIndex(x => new { x.RoundId, x.StaffMemberId, x.StudentId }).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.StudentId });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
