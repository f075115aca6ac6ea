using Driehoek.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Driehoek.Tests.Infrastructure;

/// <summary>What a school leader does on the account invitations page.</summary>
internal static class InvitationSends
{
    /// <summary>Presses "send" for one kind and follows the progress page until the run is done.</summary>
    public static async Task<Page> SendAllAsync(AppClient leader, Guid schoolId, string kind = "Guardian") =>
        await ProgressPages.FollowAsync(leader, await leader.SubmitAsync($"/school/{schoolId}/invitations", new() { ["kind"] = kind }));
}

/// <summary>Pages that show background work (a progress bar) and refresh themselves until it is done.</summary>
internal static class ProgressPages
{
    public static async Task<Page> FollowAsync(AppClient client, Page page)
    {
        for (var i = 0; i < 300 && page.Find("progress") is not null; i++)
        {
            await Task.Delay(100);
            page = await client.GetAsync(page.Url.PathAndQuery);
        }
        return page;
    }

    /// <summary>A job's handler, run the way the runner runs it for a second claim, without the runner.</summary>
    public static async Task ClaimAgainAsync<THandler>(TestApp app, string kind, Guid subjectId) where THandler : IJobHandler
    {
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        var job = new BackgroundJob { Kind = kind, Key = JobKind.KeyFor(kind, subjectId), SubjectId = subjectId, Attempts = 2 };
        await handler.RunAsync(new JobContext(job, _ => { }), CancellationToken.None);
    }
}
