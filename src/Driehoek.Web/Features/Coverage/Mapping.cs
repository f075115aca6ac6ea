using Driehoek.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Coverage;

internal sealed class FollowUpCallMapping : IEntityTypeConfiguration<FollowUpCall>
{
    public void Configure(EntityTypeBuilder<FollowUpCall> b)
    {
        b.HasIndex(x => new { x.RoundId, x.StudentId });
        b.HasIndex(x => x.SchoolId);
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
