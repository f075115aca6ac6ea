using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Driehoek.Web.Infrastructure.Data;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>
/// An entity edited by people who may work at the same time: a stale edit is detected, not
/// silently overwritten. Provider-neutral (a Guid column), unlike PostgreSQL's xmin.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; set; }
}

internal static class ConcurrencyVersion
{
    public static void Configure(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IConcurrencyVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(IConcurrencyVersioned.Version)).IsConcurrencyToken();
        }
    }

    public static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

public static class PropertyBuilderExtensions
{
    /// <summary>Long text (a file, a JSON document): lifts the 400-character default for strings.</summary>
    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<string> Unbounded(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<string> property)
    {
        property.Metadata.SetMaxLength(null);
        return property;
    }
}
