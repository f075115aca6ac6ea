using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Agreements;

internal sealed class AgreementMapping : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(x => x.What).HasMaxLength(AgreementRules.MaxTextLength);
        b.Property(x => x.Why).HasMaxLength(AgreementRules.MaxTextLength);
        b.Property(x => x.How).HasMaxLength(AgreementRules.MaxTextLength);
        b.Property(x => x.StatusChangedBy).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        b.HasIndex(x => new { x.StudentId, x.Status });
        b.HasIndex(x => new { x.Status, x.CheckOn });
        // No key to the booking: the booking may go, the agreement stays with the student.
        b.HasIndex(x => x.BookingId);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementResponseMapping : IEntityTypeConfiguration<AgreementResponse>
{
    public void Configure(EntityTypeBuilder<AgreementResponse> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Reaction).HasMaxLength(AgreementRules.MaxReactionLength);
        b.HasIndex(x => new { x.AgreementId, x.UserId }).IsUnique();
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementSettingsMapping : IEntityTypeConfiguration<AgreementSettings>
{
    public void Configure(EntityTypeBuilder<AgreementSettings> b)
    {
        b.HasKey(x => x.SchoolId);
        b.HasOne<Organisation.School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
