namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>Configuration section "PublicResults": the results page citizens see at /resultados, and the open-data releases.</summary>
public sealed class PublicOptions
{
    public const string Section = "PublicResults";

    /// <summary>The privacy notice promises published results; a deployment that is not ready to publish turns this off (404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Counts below this (but above zero) are not shown, nor anything they could be worked out from.</summary>
    public int MinCount { get; set; } = 5;

    /// <summary>How often the public page's figures are worked out again: the same figures for everyone in between.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a new open-data release is published (each stays downloadable); zero for releases only when an admin publishes one.</summary>
    public TimeSpan ReleaseInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most approved free texts shown per question on the page.</summary>
    public int TextsPerField { get; set; } = 30;
}
