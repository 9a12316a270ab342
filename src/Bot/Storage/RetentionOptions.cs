namespace ChatSurvey.Bot.Storage;

/// <summary>Section "Retention": how long personal data is kept, and how often the purge runs.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Volunteers' contact details (question 12), counted from their consent. They agreed to be invited to the
    /// open-government exercise that follows the consultation: the co-creation of the Local Action Plan, which starts
    /// within months; a year covers it and its first follow-up, and keeping a phone number longer would serve no purpose
    /// they agreed to.
    /// </summary>
    public TimeSpan Contacts { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// The events of people who never completed, counted from their last one; unset (the default), they are kept, since
    /// the dashboard's drop-off figures are made of them. Once set, the purge log keeps how many went.
    /// </summary>
    public TimeSpan? AbandonedEvents { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
