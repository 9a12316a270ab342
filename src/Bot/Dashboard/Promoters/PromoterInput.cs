using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Dashboard.Promoters;

/// <summary>The admin's form for a new promoter, checked before anything is stored.</summary>
public sealed record PromoterInput(string Code, string Name, string Organisation)
{
    public string? Problem =>
        !PromoterCode.IsValid(Code) ? "El código debe tener de 1 a 64 letras sin acentos, números, «_» o «-»."
        : Name.Length is 0 or > 200 ? "Escribe el nombre (hasta 200 caracteres)."
        : Organisation.Length is 0 or > 200 ? "Escribe la organización (hasta 200 caracteres)."
        : null;
}
