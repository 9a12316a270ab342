namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>
/// One person's way through the whole 2022 form by phone: keys wherever there are options, speech only where an answer
/// has to be words (a key press is "k", a transcript "say:…"). The same answers as the chat's script, where it can be.
/// </summary>
public static class KeypadSurvey
{
    public static readonly IReadOnlyList<string> Steps =
    [
        "1",                        // consent
        "1",                        // q1: Sí
        "2",                        // q2: No
        "18",                       // q3: Televisión, Otro (then #)
        "say:Perifoneo", "1",       // q3_otro, confirmed
        "2",                        // q4: Bueno
        "2", "3", "4", "2", "1",    // q5: B R M B E
        "1", "2", "3", "4", "5", "1", // q6
        "1", "2", "3", "4", "5", "1", // q7
        "7",                        // q8: Otro
        "say:Migrantes", "1",       // q8_otro
        "say:Falta de agua", "1",   // q9 part 1
        "say:Inseguridad", "1",     // q9 part 2
        "#",                        // q10 (optional): skipped
        "3",                        // q11 place 1: Movilidad y Transporte
        "1",                        // place 2: Educación (first of the options left)
        "*", "8",                   // place 3: the second page, Salud
        "5",                        // place 4: Competencia y fomento económico
        "*", "*", "2",              // place 5: the third page, Otro
        "say:Turismo", "1",         // q11_otro
        "1",                        // q12: Sí
        "2",                        // q12_contacto: No
        "1",                        // send
    ];

    /// <summary>Plays <see cref="Steps"/> on a call already answered (the privacy notice heard).</summary>
    public static async Task PlayAsync(VoicePhone phone, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            _ = step.StartsWith("say:", StringComparison.Ordinal) ? await phone.SayAsync(step[4..]) : await phone.PressAsync(step);
        }
    }
}
