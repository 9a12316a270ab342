using Microsoft.AspNetCore.Antiforgery;

namespace ChatSurvey.Bot.Dashboard.Html;

/// <summary>
/// Every dashboard POST checks its antiforgery token here. ASP.NET Core checks it by itself only where a handler binds
/// [FromForm], and some of ours have no fields (sign-out, a new private link): one explicit check covers all of them.
/// </summary>
public static class AntiforgeryCheck
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem("The form expired or did not come from this site: reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
