using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Platform;

/// <summary>
/// Data Protection keys live in the database (ADR 9), so sign-in cookies and antiforgery tokens outlive a
/// restart and work on every instance: an app on the same database reads what another one protected.
/// </summary>
public abstract class DataProtectionTests(TestApp app)
{
    [Fact]
    public async Task Another_instance_on_the_same_database_unprotects_what_this_one_protected()
    {
        var secret = Protector(app).Protect("geheim");

        await using var other = new SameDatabaseApp(app);
        await other.InitializeAsync();

        Assert.Equal("geheim", Protector(other).Unprotect(secret));
        Assert.True(await other.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    private static IDataProtector Protector(TestApp on) =>
        on.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Driehoek.Tests");

    /// <summary>A second app (or the same one restarted) on the first one's database.</summary>
    private sealed class SameDatabaseApp(TestApp first) : TestApp(first.Provider)
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DataProtectionTests_Sqlite(SqliteApp app) : DataProtectionTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class DataProtectionTests_Postgres(PostgresApp app) : DataProtectionTests(app);
