using Driehoek.Web.Features.Demo;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;

namespace Driehoek.Tests.Demo;

/// <summary>The demo a fresh `dotnet run` shows, and turning it off.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("driehoek-demo-").FullName;
    private string Connection => $"Data Source={Path.Combine(_folder, "demo.db")}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Demo_board_has_both_schools_and_working_sign_ins_and_can_be_switched_off()
    {
        await using (var demo = new DemoApp(Connection, enabled: true))
        {
            await demo.InitializeAsync();
            var counts = await demo.WithDbAsync(async db => await db.Schools.Where(s => s.IsDemo)
                .Select(s => new { s.Kind, Students = db.Students.Count(x => x.SchoolId == s.Id), Groups = db.Groups.Count(g => g.SchoolId == s.Id) })
                .ToListAsync());
            var primary = counts.Single(c => c.Kind == SchoolKind.Primary);
            var secondary = counts.Single(c => c.Kind == SchoolKind.Secondary);
            Assert.Equal((200, 8), (primary.Students, primary.Groups));
            Assert.Equal(600, secondary.Students);

            using var parent = demo.Client();
            await parent.SignInAsync($"ouder@{DemoSeeder.Domain}", DemoSeeder.Password);
            var home = await parent.GetAsync("/");
            Assert.Equal(2, home.FindAll("article.child").Count());
            Assert.NotNull(home.Find(".demo-banner"));

            // Two-step sign-in is required of nobody in the demo (the sign-in page says so): every sign-in gets past the front door.
            Assert.Contains("twee stappen", (await demo.Client().GetAsync("/account/sign-in")).Main);
            foreach (var (email, _) in DemoSeeder.SignIns)
            {
                using var client = demo.Client();
                await client.SignInAsync(email, DemoSeeder.Password);
                Assert.NotEqual("/account/authenticator", (await client.GetAsync("/")).Url.AbsolutePath);
            }
        }

        await using var off = new DemoApp(Connection, enabled: false);
        await off.InitializeAsync();
        Assert.Equal(0, await off.WithDbAsync(db => db.Boards.CountAsync()));
        Assert.Equal(0, await off.WithDbAsync(db => db.Users.CountAsync()));
    }

    private sealed class DemoApp(string connection, bool enabled) : TestApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Sqlite", connection);
            builder.UseSetting("Demo:Enabled", enabled ? "true" : "false");
        }
    }
}
