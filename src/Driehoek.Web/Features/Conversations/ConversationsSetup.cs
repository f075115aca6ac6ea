namespace Driehoek.Web.Features.Conversations;

public static class ConversationsSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<ConversationMail>();
        services.AddScoped<ConversationStaffMail>();
        services.AddScoped<ProposeNewTimes>();
        services.AddScoped<CancelConversation>();
        services.AddScoped<PlanConversation>();
        services.AddScoped<AnswerConversation>();
        services.AddScoped<AskConversation>();
        services.AddScoped<ReplyToWish>();
        services.AddScoped<GetStudentPlan>();
        services.AddScoped<GetFamilyConversations>();
        services.AddScoped<GetStaffConversations>();
        services.AddScoped<OpenRequests>();
        return services;
    }
}
