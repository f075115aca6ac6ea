using Driehoek.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Accounts;

internal sealed class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.PreferredLanguage).HasMaxLength(8);
    }
}

internal sealed class AccountInvitationMapping : IEntityTypeConfiguration<AccountInvitation>
{
    public void Configure(EntityTypeBuilder<AccountInvitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountInvitationRunMapping : IEntityTypeConfiguration<AccountInvitationRun>
{
    public void Configure(EntityTypeBuilder<AccountInvitationRun> b)
    {
        b.Property(x => x.OpenKey).HasMaxLength(40);
        b.HasIndex(x => x.OpenKey).IsUnique();
        b.HasIndex(x => x.SchoolId);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
