using Driehoek.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Driehoek.Web.Features.Organisation;

public static class OrganisationApi
{
    public static void MapOrganisationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schools/{schoolId:guid}", async (Guid schoolId, GetSchoolOverview handler, IStringLocalizer<SharedText> text, CancellationToken ct) =>
            (await handler.HandleAsync(schoolId, ct)).ToApi(text))
            .Serves(Resource.School)
            .WithSummary("The school at a glance (school leaders, school-wide staff, board admins).");
        api.MapGet("/groups/{groupId:guid}", async (Guid groupId, GetGroupRoster handler, IStringLocalizer<SharedText> text, CancellationToken ct) =>
            (await handler.HandleAsync(groupId, ct)).ToApi(text))
            .Serves(Resource.Group)
            .WithSummary("A group with its students and staff.");
        api.MapGet("/boards/{boardId:guid}", async (Guid boardId, GetBoardOverview handler, IStringLocalizer<SharedText> text, CancellationToken ct) =>
            (await handler.HandleAsync(boardId, ct)).ToApi(text))
            .Serves(Resource.Board)
            .WithSummary("A board's schools (board admins).");
    }
}
