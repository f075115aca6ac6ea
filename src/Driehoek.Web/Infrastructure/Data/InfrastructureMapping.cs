using Driehoek.Web.Infrastructure.Audit;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Driehoek.Web.Infrastructure.Data;

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Subject).HasMaxLength(60);
        b.HasIndex(x => new { x.SchoolId, x.At });
        b.HasIndex(x => x.SubjectId);
    }
}

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Payload).Unbounded();
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.SentAt, x.AvailableAt });
    }
}

internal sealed class DataProtectionKeyMapping : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        // The key ring's XML: longer than the 400 characters strings get by default.
        b.Property(x => x.Xml).Metadata.SetMaxLength(null);
    }
}
