namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>One way in for a promoter's audience: the channel's name, its link (the QR code's content) and how to use it.</summary>
/// <param name="Kind">"whatsapp", "telegram", "sms" or "web": the QR routes' {kind}.</param>
/// <param name="Display">The link as a person can read and type it off a poster ("wa.me/14155238886"), not percent-encoded.</param>
public sealed record PromoterLink(string Kind, string Channel, Uri Url, string Instructions, string Display);
