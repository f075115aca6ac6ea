namespace Driehoek.Tests.Infrastructure;

/// <summary>
/// Marks the per-provider copies of a test class. Write tests in an abstract class taking a
/// <see cref="TestApp"/>; add two sealed subclasses, one per database, e.g.:
/// <code>
/// [Collection(SqliteCollection.Name)] public sealed class XTests_Sqlite(SqliteApp app) : XTests(app);
/// [Collection(PostgresCollection.Name), Trait("Provider", "Postgres")] public sealed class XTests_Postgres(PostgresApp app) : XTests(app);
/// </code>
/// </summary>
public static class ProviderTests;
