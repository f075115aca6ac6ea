using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Driehoek.Tests.Reminders;

public abstract class ReminderTests(TestApp app)
{
    /// <summary>47 hours before the test round's booking closes (15 November, 22:00 UTC).</summary>
    private static readonly DateTimeOffset BeforeClosing = new(2026, 11, 13, 23, 0, 0, TimeSpan.Zero);

    /// <summary>16 November, 11:00 in Amsterdam: the day before the round's first evening.</summary>
    private static readonly DateTimeOffset DayBefore = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Households_that_have_not_booked_hear_it_once_in_their_language_before_booking_closes()
    {
        var f = await app.RoundFamilyAsync();
        var waiting = await f.School.StudentAsync(f.Group, firstName: "Sam");
        var late = await f.School.GuardianAsync([waiting], language: "en");
        var limited = await f.School.GuardianAsync([waiting], authority: false);
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        }

        await app.AtAsync(BeforeClosing, async () =>
        {
            // Two instances at once, then a later pass: one reminder per household all the same.
            await Task.WhenAll(app.RunRemindersAsync(), app.RunRemindersAsync());
            await app.RunRemindersAsync();
            var mail = await Mailbox.WaitForAsync(app, late.Email!, m => m.Subject.Contains("No conversation booked yet", StringComparison.Ordinal));
            Assert.Contains("Sam", mail.Subject);
            Assert.Contains($"/rounds/{f.Round.Id}/book", mail.Body);
        });

        Assert.Equal(1, await app.OutboxCountAsync(late.Email!, "No conversation booked yet"));
        Assert.Equal(0, await app.OutboxCountAsync(limited.Email!, "booked yet"));
        Assert.Equal(0, await app.OutboxCountAsync(f.Parent.Email!, "Nog geen gesprek gepland"));
        var reminded = await app.WithDbAsync(db => db.RoundReminders.Where(r => r.RoundId == f.Round.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([NotBookedReminders.Kind], reminded);
    }

    [Fact]
    public async Task No_reminder_goes_out_before_the_window_or_to_a_guardian_the_school_does_not_include()
    {
        var f = await app.RoundFamilyAsync();
        var limited = await f.School.GuardianAsync([f.Child], authority: false);

        await app.AtAsync(BeforeClosing.AddHours(-2), () => app.RunRemindersAsync());
        Assert.Equal(0, await app.OutboxCountAsync(f.Parent.Email!, "Nog geen gesprek gepland"));

        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(s => s.Id == f.School.Id)).LimitedGuardianAccess |= LimitedGuardianAccess.ConversationRounds;
            await db.SaveChangesAsync();
        });
        await app.AtAsync(BeforeClosing, () => app.RunRemindersAsync());

        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Nog geen gesprek gepland"));
        Assert.Equal(1, await app.OutboxCountAsync(limited.Email!, "Nog geen gesprek gepland"));
    }

    [Fact]
    public async Task A_booked_household_gets_one_reminder_the_day_before_with_the_calendar_file()
    {
        var f = await app.RoundFamilyAsync();
        var sibling = await f.School.StudentAsync(f.Group, firstName: "Sam");
        await app.WithDbAsync(async db =>
        {
            var guardian = await db.Guardians.SingleAsync(g => g.Id == f.Parent.Id);
            db.Guardianships.Add(new Driehoek.Web.Features.People.Guardianship { SchoolId = f.School.Id, StudentId = sibling.Id, GuardianId = guardian.Id });
            await db.SaveChangesAsync();
        });
        var nextDay = await f.School.SlotsAsync(f.Round, f.Teacher, 1, day: RoundBuilder.FirstDay.AddDays(1));
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var tomorrow = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var later = await parent.BookAsync(f.Round.Id, sibling.Id, nextDay[0].Id);

        await app.AtAsync(DayBefore, async () =>
        {
            await Task.WhenAll(app.RunRemindersAsync(), app.RunRemindersAsync());
            await app.RunRemindersAsync();
            var mail = await Mailbox.WaitForAsync(app, f.Parent.Email!, m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
            Assert.Contains("Noor", mail.Subject);
            Assert.Contains("METHOD:REQUEST", mail.Parts.Single(p => p.ContentType.StartsWith("text/calendar", StringComparison.Ordinal)).Content);
        });

        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Herinnering"));
        var sent = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == tomorrow || b.Id == later).ToDictionaryAsync(b => b.Id, b => b.ReminderSentAt));
        Assert.NotNull(sent[tomorrow]);
        Assert.Null(sent[later]);
    }

    [Fact]
    public async Task A_booking_made_the_day_before_gets_its_confirmation_and_no_extra_reminder()
    {
        var f = await app.RoundFamilyAsync();
        await app.WithDbAsync(async db =>
        {
            // This school keeps booking open until the conversations start.
            (await db.Rounds.SingleAsync(r => r.Id == f.Round.Id)).BookingClosesAt = f.Slots[0].StartsAt;
            await db.SaveChangesAsync();
        });
        await app.AtAsync(DayBefore, async () =>
        {
            using var parent = await app.SignInAsync(f.Parent.Email!);
            await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
            await app.RunRemindersAsync();
        });

        Assert.Equal(0, await app.OutboxCountAsync(f.Parent.Email!, "Herinnering"));
        Assert.Equal(1, await app.OutboxCountAsync(f.Parent.Email!, "Afspraak bevestigd"));
    }

    [Fact]
    public async Task The_recurring_reminder_job_sends_what_is_due_by_itself()
    {
        var f = await app.RoundFamilyAsync();
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[0].Id);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:PollSeconds"] = "0.1" }).Build();
        // The test host leaves reminders to the tests; this runner stands in for an app instance that runs them.
        using var runner = new JobRunner(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetServices<JobKind>().Where(k => k.Name == ReminderJob.Kind), app.Services.GetRequiredService<JobSignal>(),
            app.Services.GetRequiredService<JobProgress>(), app.Clock, config, NullLogger<JobRunner>.Instance);
        DateTime? sentAt = null;

        await app.AtAsync(DayBefore, async () =>
        {
            await app.WithDbAsync(db => db.Set<BackgroundJob>().Where(j => j.Kind == ReminderJob.Kind).ExecuteDeleteAsync());
            Task<bool> MovedOnAsync() => app.WithDbAsync(db =>
                db.Set<BackgroundJob>().AnyAsync(j => j.Kind == ReminderJob.Kind && j.RunAfter > DayBefore.UtcDateTime));
            await runner.StartAsync(CancellationToken.None);
            try
            {
                // Until the reminder went out and the runner has moved the job on (just after the pass commits).
                for (var i = 0; i < 150 && (sentAt is null || !await MovedOnAsync()); i++)
                {
                    await Task.Delay(100);
                    sentAt = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.ReminderSentAt).SingleAsync());
                }
            }
            finally
            {
                await runner.StopAsync(CancellationToken.None);
            }
        });

        Assert.Equal(DayBefore.UtcDateTime, sentAt);
        var job = await app.WithDbAsync(db => db.Set<BackgroundJob>().SingleAsync(j => j.Kind == ReminderJob.Kind));
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(DayBefore.UtcDateTime.AddMinutes(1), job.RunAfter);
        Assert.Null(job.LockedBy);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReminderTests_Sqlite(SqliteApp app) : ReminderTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ReminderTests_Postgres(PostgresApp app) : ReminderTests(app);
