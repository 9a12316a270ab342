using Microsoft.AspNetCore.Antiforgery;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>Pieces every form needs.</summary>
public static class Forms
{
    /// <summary>The antiforgery field; POST endpoints bind [FromForm], so ASP.NET Core refuses a request without it.</summary>
    public static Markup Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Markup.Of($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }

    public static Markup Selected(bool selected) => Markup.When(selected, Markup.Raw(" selected"));

    public static Markup Checked(bool isChecked) => Markup.When(isChecked, Markup.Raw(" checked"));
}
