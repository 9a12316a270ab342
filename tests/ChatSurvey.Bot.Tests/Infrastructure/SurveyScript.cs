namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>One person's way through the whole 2022 form, as they would type it, from consent to confirmation.</summary>
public static class SurveyScript
{
    public static readonly IReadOnlyList<string> Answers =
    [
        "si",                       // consent
        "Sí",                       // q1
        "no",                       // q2
        "1 y 8",                    // q3: Televisión, Otro
        "Perifoneo",                // q3_otro
        "bueno",                    // q4
        "B R M B E",                // q5, the whole grid at once
        "e", "b", "r", "m", "p", "e", // q6, row by row
        "EBRMPE",                   // q7
        "7",                        // q8: Otro
        "Migrantes",                // q8_otro
        "Falta de agua",            // q9 part 1
        "Inseguridad",              // q9 part 2
        "Basura en las calles",     // q10 problem
        "Reciclaje comunitario",    // q10 idea
        "3 1 7",                    // q11 places 1-3
        "18 22",                    // q11 places 4-5: Salud, Otro
        "Turismo",                  // q11_otro
        "si",                       // q12
        "no",                       // q12_contacto
        "1",                        // send
    ];
}
