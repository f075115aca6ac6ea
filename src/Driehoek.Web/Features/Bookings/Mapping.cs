using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Bookings;

internal sealed class AvailabilityBlockMapping : IEntityTypeConfiguration<AvailabilityBlock>
{
    public void Configure(EntityTypeBuilder<AvailabilityBlock> b)
    {
        b.Property(x => x.Room).HasMaxLength(60);
        b.Property(x => x.VideoLink).HasMaxLength(400);
        b.HasIndex(x => new { x.RoundId, x.StaffMemberId });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlotMapping : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> b)
    {
        b.Property(x => x.Room).HasMaxLength(60);
        b.Property(x => x.VideoLink).HasMaxLength(400);
        b.HasIndex(x => new { x.StaffMemberId, x.StartsAt }).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.StaffMemberId });
        b.HasOne<AvailabilityBlock>().WithMany().HasForeignKey(x => x.BlockId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BookingMapping : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.Property(x => x.ActiveKey).HasMaxLength(140);
        b.Property(x => x.Topics).HasMaxLength(BookingRules.MaxTopicsLength);
        b.Property(x => x.InterpreterLanguage).HasMaxLength(40);
        b.HasIndex(x => x.ActiveSlotId).IsUnique();
        b.HasIndex(x => x.ActiveKey).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.StudentId });
        // A household's bookings in a round: what every booking check and the options page ask.
        b.HasIndex(x => new { x.HouseholdId, x.RoundId });
        b.HasIndex(x => new { x.StaffMemberId, x.StartsAt });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Slot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimeClaimMapping : IEntityTypeConfiguration<TimeClaim>
{
    public void Configure(EntityTypeBuilder<TimeClaim> b)
    {
        b.Property(x => x.Owner).HasMaxLength(40);
        b.HasIndex(x => new { x.Owner, x.Cell }).IsUnique();
        b.HasIndex(x => x.BookingId);
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaitingListEntryMapping : IEntityTypeConfiguration<WaitingListEntry>
{
    public void Configure(EntityTypeBuilder<WaitingListEntry> b)
    {
        b.HasIndex(x => new { x.RoundId, x.StudentId, x.HouseholdId, x.StaffMemberId }).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.StaffMemberId });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundReminderMapping : IEntityTypeConfiguration<RoundReminder>
{
    public void Configure(EntityTypeBuilder<RoundReminder> b)
    {
        b.Property(x => x.Kind).HasMaxLength(40);
        b.HasIndex(x => new { x.RoundId, x.HouseholdId, x.Kind }).IsUnique();
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedMapping : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
