using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatSurvey.Bot.Observability;

/// <summary>
/// OpenTelemetry: metrics on a Prometheus scrape endpoint (/metrics), traces of each turn exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT (or Observability:OtlpEndpoint) is set.
/// </summary>
public static class ObservabilitySetup
{
    public static IServiceCollection AddChatSurveyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChatSurveyTelemetry>();
        var otlp = configuration["Observability:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(ChatSurveyTelemetry.Name, $"{ChatSurveyTelemetry.Name}.*")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        // Without an exporter nobody reads the traces; recording them anyway costs every request an Activity.
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ChatSurveyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return services;
    }
}
