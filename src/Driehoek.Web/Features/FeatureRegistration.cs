using Driehoek.Web.Features.Accounts;
using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Contacts;
using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.Feedback;
using Driehoek.Web.Features.Handover;
using Driehoek.Web.Features.Grades;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Calendar;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.FollowThrough;
using Driehoek.Web.Features.Home;
using Driehoek.Web.Features.MustSee;
using Driehoek.Web.Features.TakingPart;
using Driehoek.Web.Features.Timeline;
using Driehoek.Web.Features.Interpreters;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.ParentEvenings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Reminders;
using Driehoek.Web.Features.Rollover;
using Driehoek.Web.Features.Roster;
using Driehoek.Web.Features.Shared;
using Driehoek.Web.Features.Tasks;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features;

/// <summary>The one place that lists the features: their services and their JSON endpoints.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddShared();
        services.AddOrganisation();
        services.AddPeople();
        services.AddHome();
        services.AddAccounts();
        services.AddRoster();
        services.AddRounds();
        services.AddBookings();
        services.AddCalendar();
        services.AddReminders();
        services.AddFollowThrough();
        services.AddParentEvenings();
        services.AddMustSee();
        services.AddInterpreters();
        services.AddAgreements();
        services.AddRecords();
        services.AddFeedback();
        services.AddConversations();
        services.AddTakingPart();
        services.AddTimeline();
        services.AddCoverage();
        services.AddContacts();
        services.AddRollover();
        services.AddHandover();
        services.AddTasks();
        services.AddGrades();
        return services;
    }

    /// <summary>Middleware of the features that runs once the user is known, before authorization.</summary>
    public static void UseFeatureGates(IApplicationBuilder app) => app.UseTwoFactorRequirement();

    public static void MapFeatureApis(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.RequireDeclaredMembers();
        api.MapAccountsApi();
        api.MapOrganisationApi();
        api.MapPeopleApi();
        api.MapHomeApi();
        api.MapRosterApi();
        api.MapRoundsApi();
        api.MapBookingsApi();
        api.MapParentEveningsApi();
        app.MapBookingCalendar();
        api.MapCalendarApi();
        app.MapCalendarFeed();
        api.MapFollowThroughApi();
    }
}
