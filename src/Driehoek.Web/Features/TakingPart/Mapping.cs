using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.TakingPart;

internal sealed class TakingPartAnswerMapping : IEntityTypeConfiguration<TakingPartAnswer>
{
    public void Configure(EntityTypeBuilder<TakingPartAnswer> b)
    {
        b.Property(x => x.Reason).HasMaxLength(TakingPartAnswer.MaxReasonLength);
        // One answer per guardian and child in a round: answering again (or twice at once) finds the first.
        b.HasIndex(x => new { x.RoundId, x.StudentId, x.GuardianId }).IsUnique();
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Guardian>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WithoutChildDecisionMapping : IEntityTypeConfiguration<WithoutChildDecision>
{
    public void Configure(EntityTypeBuilder<WithoutChildDecision> b)
    {
        b.HasIndex(x => new { x.RoundId, x.StudentId }).IsUnique();
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
