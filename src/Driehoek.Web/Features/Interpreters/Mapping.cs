using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Interpreters;

internal sealed class InterpreterMapping : IEntityTypeConfiguration<Interpreter>
{
    public void Configure(EntityTypeBuilder<Interpreter> b)
    {
        b.Property(x => x.Name).HasMaxLength(Interpreter.MaxNameLength);
        b.Property(x => x.Organisation).HasMaxLength(Interpreter.MaxNameLength);
        b.HasIndex(x => x.RoundId);
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterpreterAssignmentMapping : IEntityTypeConfiguration<InterpreterAssignment>
{
    public void Configure(EntityTypeBuilder<InterpreterAssignment> b)
    {
        // One interpreter per booking: assigning again replaces.
        b.HasIndex(x => x.BookingId).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.InterpreterId });
        b.HasOne<Booking>().WithMany().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Interpreter>().WithMany().HasForeignKey(x => x.InterpreterId).OnDelete(DeleteBehavior.Cascade);
    }
}
