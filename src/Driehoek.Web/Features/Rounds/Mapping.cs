using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Features.Rounds;

internal sealed class ConversationRoundMapping : IEntityTypeConfiguration<ConversationRound>
{
    public void Configure(EntityTypeBuilder<ConversationRound> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => new { x.SchoolId, x.SchoolYearId });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchoolYear>().WithMany().HasForeignKey(x => x.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundGroupMapping : IEntityTypeConfiguration<RoundGroup>
{
    public void Configure(EntityTypeBuilder<RoundGroup> b)
    {
        b.HasIndex(x => new { x.RoundId, x.GroupId }).IsUnique();
        b.HasIndex(x => x.GroupId);
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationTemplateMapping : IEntityTypeConfiguration<InvitationTemplate>
{
    public void Configure(EntityTypeBuilder<InvitationTemplate> b)
    {
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Purpose).HasMaxLength(2000);
        b.Property(x => x.ParentQuestions).HasMaxLength(2000);
        b.Property(x => x.StudentQuestions).HasMaxLength(2000);
        b.Property(x => x.TeacherQuestions).HasMaxLength(2000);
        b.HasIndex(x => new { x.SchoolId, x.Form, x.Language }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundInvitationMapping : IEntityTypeConfiguration<RoundInvitation>
{
    public void Configure(EntityTypeBuilder<RoundInvitation> b)
    {
        b.HasIndex(x => new { x.RoundId, x.StudentId, x.HouseholdId }).IsUnique();
        b.HasIndex(x => x.HouseholdId);
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PreparationMapping : IEntityTypeConfiguration<Preparation>
{
    public void Configure(EntityTypeBuilder<Preparation> b)
    {
        b.Property(x => x.Key).HasMaxLength(140);
        b.Property(x => x.Answers).Unbounded();
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.StudentId });
        b.HasOne<ConversationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
