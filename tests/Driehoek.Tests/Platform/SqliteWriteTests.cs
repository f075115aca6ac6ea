using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Tests.Platform;

/// <summary>
/// SQLite writers take turns on an in-process lock (ADR 10). These check that the turns never lose a write,
/// never stay taken after a failure, and that every connection has SQLite's own busy timeout.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteWriteTests(SqliteApp app)
{
    [Fact]
    public async Task Many_writers_at_once_all_commit_and_single_updates_take_their_turn_too()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var boards = Enumerable.Range(0, 48).Select(i => new Board { Name = $"Rush {tag} {i}" }).ToList();

        await Task.WhenAll(boards.Select(board => Task.Run(() => app.WithDbAsync(async db =>
        {
            db.Boards.Add(board);
            await db.SaveChangesAsync();
            await db.Boards.Where(b => b.Id == board.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, b => b.Name + " ok"));
        }))));

        var names = await app.WithDbAsync(db => db.Boards.Where(b => b.Name.StartsWith($"Rush {tag} ")).Select(b => b.Name).ToListAsync());
        Assert.Equal(boards.Count, names.Count);
        Assert.All(names, n => Assert.EndsWith(" ok", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_save_gives_the_turn_back_to_the_next_writer()
    {
        var board = new Board { Name = $"Once {Guid.NewGuid():N}" };
        await app.WithDbAsync(async db =>
        {
            db.Boards.Add(board);
            await db.SaveChangesAsync();
        });

        await app.WithDbAsync(async db =>
        {
            db.Boards.Add(new Board { Id = board.Id, Name = "Same id again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        var later = new Board { Name = $"Later {Guid.NewGuid():N}" };
        await app.WithDbAsync(async db =>
        {
            db.Boards.Add(later);
            await db.SaveChangesAsync();
        });

        Assert.True(await app.WithDbAsync(db => db.Boards.AnyAsync(b => b.Id == later.Id)));
    }

    [Fact]
    public async Task Every_connection_waits_for_a_busy_database_instead_of_failing_at_once()
    {
        var timeout = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout";
                return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(SqliteWrites.BusyTimeoutMilliseconds, timeout);
    }
}
