using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.MustSee;
using Driehoek.Web.Features.Interpreters;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;
using Driehoek.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Driehoek.Web.Data;

/// <summary>
/// The model, for both databases. Each provider has its own subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so each has its own migrations and model snapshot (ADR 3); handlers
/// ask for <c>AppDbContext</c> and get the configured provider's one.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolYear> SchoolYears => Set<SchoolYear>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<BoardAdmin> BoardAdmins => Set<BoardAdmin>();
    public DbSet<AccountInvitation> AccountInvitations => Set<AccountInvitation>();
    public DbSet<AccountInvitationRun> AccountInvitationRuns => Set<AccountInvitationRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ConversationRound> Rounds => Set<ConversationRound>();
    public DbSet<RoundGroup> RoundGroups => Set<RoundGroup>();
    public DbSet<InvitationTemplate> InvitationTemplates => Set<InvitationTemplate>();
    public DbSet<RoundInvitation> RoundInvitations => Set<RoundInvitation>();
    public DbSet<Preparation> Preparations => Set<Preparation>();
    public DbSet<AvailabilityBlock> AvailabilityBlocks => Set<AvailabilityBlock>();
    public DbSet<Slot> Slots => Set<Slot>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<TimeClaim> TimeClaims => Set<TimeClaim>();
    public DbSet<WaitingListEntry> WaitingList => Set<WaitingListEntry>();
    public DbSet<RoundReminder> RoundReminders => Set<RoundReminder>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<RoundSession> RoundSessions => Set<RoundSession>();
    public DbSet<FamilySession> FamilySessions => Set<FamilySession>();
    public DbSet<ConversationRequest> ConversationRequests => Set<ConversationRequest>();
    public DbSet<ScheduleRun> ScheduleRuns => Set<ScheduleRun>();
    // Must-see families and interpreters (issue 10)
    public DbSet<MustSeeMark> MustSeeMarks => Set<MustSeeMark>();
    public DbSet<Interpreter> Interpreters => Set<Interpreter>();
    public DbSet<InterpreterAssignment> InterpreterAssignments => Set<InterpreterAssignment>();
    // Agreements (issue 11, item 4)
    public DbSet<Features.Agreements.Agreement> Agreements => Set<Features.Agreements.Agreement>();
    public DbSet<Features.Agreements.AgreementResponse> AgreementResponses => Set<Features.Agreements.AgreementResponse>();
    public DbSet<Features.Agreements.AgreementSettings> AgreementSettings => Set<Features.Agreements.AgreementSettings>();
    // Records (issue 11)
    public DbSet<Features.Records.AgendaTemplate> AgendaTemplates => Set<Features.Records.AgendaTemplate>();
    public DbSet<Features.Records.ConversationRecord> ConversationRecords => Set<Features.Records.ConversationRecord>();
    public DbSet<Features.Records.StudentNote> StudentNotes => Set<Features.Records.StudentNote>();
    // Feedback after a conversation (issue 11, item 6)
    public DbSet<Features.Feedback.ConversationFeedback> ConversationFeedback => Set<Features.Feedback.ConversationFeedback>();
    // Conversations outside the rounds.
    public DbSet<Features.Conversations.PlannedConversation> PlannedConversations => Set<Features.Conversations.PlannedConversation>();
    public DbSet<Features.Conversations.PlannedConversationTime> PlannedConversationTimes => Set<Features.Conversations.PlannedConversationTime>();
    public DbSet<Features.Conversations.PlannedConversationParticipant> PlannedConversationParticipants => Set<Features.Conversations.PlannedConversationParticipant>();
    public DbSet<Features.Conversations.ConversationWish> ConversationWishes => Set<Features.Conversations.ConversationWish>();
    // The student's place at the table (issue 11, item 3)
    public DbSet<Features.TakingPart.TakingPartAnswer> TakingPartAnswers => Set<Features.TakingPart.TakingPartAnswer>();
    public DbSet<Features.TakingPart.WithoutChildDecision> WithoutChildDecisions => Set<Features.TakingPart.WithoutChildDecision>();
    public DbSet<Features.Coverage.FollowUpCall> FollowUpCalls => Set<Features.Coverage.FollowUpCall>();
    // The contact log and concerns (issue 13)
    public DbSet<Features.Contacts.ContactEntry> ContactEntries => Set<Features.Contacts.ContactEntry>();
    public DbSet<Features.Contacts.Concern> Concerns => Set<Features.Contacts.Concern>();
    // Year rollover (issue 12, item 1)
    public DbSet<Features.Rollover.YearRollover> YearRollovers => Set<Features.Rollover.YearRollover>();
    public DbSet<Features.Rollover.Leaver> Leavers => Set<Features.Rollover.Leaver>();
    // Handover to next year's teacher (issue 12, item 2)
    public DbSet<Features.Handover.StudentHandover> StudentHandovers => Set<Features.Handover.StudentHandover>();
    public DbSet<Features.Handover.HandoverItem> HandoverItems => Set<Features.Handover.HandoverItem>();
    public DbSet<Features.Handover.HandoverSettings> HandoverSettings => Set<Features.Handover.HandoverSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ConcurrencyVersion.Configure(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite hands DateTimes back without a kind and Npgsql insists on UTC: store UTC, read UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<string>().HaveMaxLength(400);
        builder.Properties<Enum>().HaveConversion<int>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyVersion.Bump(ChangeTracker);
        if (!TakesSqliteTurn())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var turn = SqliteWrites.Enter(Database.GetDbConnection());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersion.Bump(ChangeTracker);
        if (!TakesSqliteTurn())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        using var turn = SqliteWrites.Take(await SqliteWrites.WaitAsync(Database.GetDbConnection(), cancellationToken));
        // Microsoft.Data.Sqlite is synchronous underneath; saving without awaits keeps the lock for the
        // write itself, not for however long a continuation waits in a busy thread pool.
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>SQLite writers take turns (see <see cref="SqliteWrites"/>); inside an explicit transaction the caller already holds the write lock.</summary>
    private bool TakesSqliteTurn() => Database.IsSqlite() && Database.CurrentTransaction is null && !SqliteWrites.HoldingGate;
}
