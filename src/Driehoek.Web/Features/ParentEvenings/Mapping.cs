using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.ParentEvenings;

internal sealed class RoundSessionMapping : IEntityTypeConfiguration<RoundSession>
{
    public void Configure(EntityTypeBuilder<RoundSession> b)
    {
        b.HasIndex(x => new { x.RoundId, x.Date });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FamilySessionMapping : IEntityTypeConfiguration<FamilySession>
{
    public void Configure(EntityTypeBuilder<FamilySession> b)
    {
        b.HasIndex(x => new { x.HouseholdId, x.SessionId }).IsUnique();
        b.HasIndex(x => x.RoundId);
        b.HasOne<RoundSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationRequestMapping : IEntityTypeConfiguration<ConversationRequest>
{
    public void Configure(EntityTypeBuilder<ConversationRequest> b)
    {
        b.Property(x => x.Key).HasMaxLength(140);
        b.Property(x => x.Topics).HasMaxLength(BookingRules.MaxTopicsLength);
        b.Property(x => x.InterpreterLanguage).HasMaxLength(40);
        b.Property(x => x.UnplacedReason).HasMaxLength(80);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.HouseholdId });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduleRunMapping : IEntityTypeConfiguration<ScheduleRun>
{
    public void Configure(EntityTypeBuilder<ScheduleRun> b)
    {
        b.Property(x => x.RunningKey).HasMaxLength(40);
        b.Property(x => x.PublishedKey).HasMaxLength(40);
        b.Property(x => x.Instance).Unbounded();
        b.Property(x => x.Labels).Unbounded();
        b.Property(x => x.Solution!).Unbounded();
        b.Property(x => x.Metrics).HasMaxLength(2000);
        b.Property(x => x.Failure).HasMaxLength(4000);
        b.HasIndex(x => x.RunningKey).IsUnique();
        b.HasIndex(x => x.PublishedKey).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.CreatedAt });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
