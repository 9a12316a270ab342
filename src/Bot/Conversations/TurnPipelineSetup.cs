using ChatSurvey.Bot.Channels;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// The turn pipeline: channel → <see cref="InputGate"/> → <see cref="ConversationService"/> (the one writer) →
/// <see cref="Deliveries"/> → <see cref="ReplyDispatcher"/> (the one send path) → the channels' senders, whose outcomes
/// go back to the service; and the <see cref="ConversationSweeper"/>, which hands over what is due.
/// </summary>
public static class TurnPipelineSetup
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services, IConfiguration configuration, CompiledSurvey survey)
    {
        services.AddSingleton(InputLimits(configuration, survey));
        services.AddSingleton<InputGate>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton(sp =>
        {
            var deliveries = new Deliveries();
            sp.GetRequiredService<Observability.ChatSurveyTelemetry>().ObserveQueueDepth(() => deliveries.Depth);
            return deliveries;
        });
        services.AddHostedService<ReplyDispatcher>();
        services.AddHostedService<ConversationSweeper>();
        return services;
    }

    /// <summary>The per-channel message limits, each longer than any answer the survey accepts (or startup stops, naming it).</summary>
    private static InputOptions InputLimits(IConfiguration configuration, CompiledSurvey survey)
    {
        var options = configuration.GetSection(InputOptions.Section).Get<InputOptions>() ?? new InputOptions();
        var longest = survey.Definition.Questions.Where(q => q.Kind == Domain.Surveys.QuestionKind.Text).Select(q => q.MaxLength).DefaultIfEmpty(0).Max();
        foreach (var (channel, maxLength) in options.MaxLength)
        {
            if (maxLength <= longest)
            {
                throw new InvalidOperationException($"{InputOptions.Section}:MaxLength:{channel} is {maxLength}: it must be longer than the survey's longest text answer ({longest}), or long answers would be stored cut.");
            }
        }

        return options;
    }
}
