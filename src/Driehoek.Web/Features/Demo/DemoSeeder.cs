using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Driehoek.Web.Features.Demo;

/// <summary>
/// A demo board with a primary and a secondary school, so a fresh `dotnet run` shows something real.
/// On with Demo:Enabled=true (the Development default); turning it off removes the demo board, its
/// schools and the demo logins at the next start. Every demo record is marked IsDemo.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "demo-driehoek";
    public const string Domain = "demo.driehoek.nl";

    public static readonly (string Email, string What)[] SignIns =
    [
        ($"ouder@{Domain}", "parent with two children"),
        ($"moeder@{Domain}", "separated parents: the mother"),
        ($"vader@{Domain}", "separated parents: the father"),
        ($"zonder-gezag@{Domain}", "parent without parental authority"),
        ($"arabisch@{Domain}", "parent who reads Arabic"),
        ($"leerkracht@{Domain}", "group teacher (primary, group 5)"),
        ($"mentor@{Domain}", "mentor (secondary, class 2B)"),
        ($"vakdocent@{Domain}", "subject teacher (secondary, English)"),
        ($"directeur@{Domain}", "school leader (primary)"),
        ($"rector@{Domain}", "school leader (secondary)"),
        ($"leerling@{Domain}", "student (secondary, class 2B)"),
        ($"bestuur@{Domain}", "board admin"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, IConfiguration config, ILogger log)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var enabled = config.GetValue("Demo:Enabled", false);
        var exists = await db.Boards.AnyAsync(b => b.IsDemo);

        if (!enabled)
        {
            if (exists)
            {
                await RemoveAsync(db);
                log.LogInformation("Demo data removed (Demo:Enabled is false).");
            }
            return;
        }
        if (!exists)
        {
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await new DemoBuilder(db, users, clock).BuildAsync();
            log.LogInformation("Demo board created in {Milliseconds} ms.", watch.ElapsedMilliseconds);
        }
        PrintSignIns(config);
    }

    private static void PrintSignIns(IConfiguration config)
    {
        var url = (config["urls"] ?? config["ASPNETCORE_URLS"] ?? AppLinks.DefaultBaseUrl).Split(';')[0];
        Console.WriteLine();
        Console.WriteLine($"Driehoek demo on {url} — demo sign-ins (password: {Password}):");
        foreach (var (email, what) in SignIns)
        {
            Console.WriteLine($"  {what,-38} {email}");
        }
        Console.WriteLine("Turn the demo off with Demo__Enabled=false (this removes the demo data).");
        Console.WriteLine();
    }

    private static async Task RemoveAsync(AppDbContext db)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var boards = await db.Boards.Where(b => b.IsDemo).ToListAsync();
        db.Boards.RemoveRange(boards);
        await db.SaveChangesAsync();
        await db.Users.Where(u => u.Email!.EndsWith("@" + Domain)).ExecuteDeleteAsync();
        await transaction.CommitAsync();
    }
}
