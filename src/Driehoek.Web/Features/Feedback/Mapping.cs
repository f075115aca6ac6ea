using Driehoek.Web.Features.Bookings;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Feedback;

internal sealed class ConversationFeedbackMapping : IEntityTypeConfiguration<ConversationFeedback>
{
    public void Configure(EntityTypeBuilder<ConversationFeedback> b)
    {
        b.Property(x => x.TopText).HasMaxLength(ConversationFeedback.TextLength);
        b.Property(x => x.TipText).HasMaxLength(ConversationFeedback.TextLength);
        b.HasIndex(x => new { x.BookingId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.RoundId });
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
