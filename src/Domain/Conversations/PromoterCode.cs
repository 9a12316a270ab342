namespace ChatSurvey.Domain.Conversations;

/// <summary>A promoter's code as carried by links: ^[A-Za-z0-9_-]{1,64}$.</summary>
public static class PromoterCode
{
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code) =>
        code is { Length: >= 1 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
