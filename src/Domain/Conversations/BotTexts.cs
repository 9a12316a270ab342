namespace ChatSurvey.Domain.Conversations;

/// <summary>The bot's own words (not the survey's) in one language. Placeholders are {0}, {1}.</summary>
public sealed record BotTexts
{
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string AcceptConsent { get; init; }
    public required string DeclineConsent { get; init; }
    public required string LanguageHint { get; init; }
    public required string Declined { get; init; }
    public required string QuestionHeader { get; init; }
    public required string MultipleHint { get; init; }
    public required string GridHint { get; init; }
    public required string GridRow { get; init; }
    public required string RankedHint { get; init; }
    public required string RankedStep { get; init; }
    public required string SkipHint { get; init; }
    public required string YesNoInvalid { get; init; }
    public required string SingleInvalid { get; init; }
    public required string MultipleInvalid { get; init; }
    public required string Ambiguous { get; init; }
    public required string Repeated { get; init; }
    public required string GridInvalid { get; init; }
    public required string GridTooMany { get; init; }
    public required string RankedInvalid { get; init; }
    public required string RankedRepeated { get; init; }
    public required string TextEmpty { get; init; }
    public required string TextTooLong { get; init; }
    public required string TextNoWords { get; init; }
    public required string NotText { get; init; }
    public required string Help { get; init; }
    public required string Status { get; init; }
    public required string AtFirstQuestion { get; init; }
    public required string Summary { get; init; }
    public required string SummarySkipped { get; init; }
    public required string Send { get; init; }
    public required string Change { get; init; }
    public required string ConfirmInvalid { get; init; }
    public required string PickCorrection { get; init; }
    public required string PickCorrectionInvalid { get; init; }
    public required string ContinueOrRestart { get; init; }
    public required string Continue { get; init; }
    public required string StartOver { get; init; }
    public required string ConfirmDelete { get; init; }
    public required string DeleteYes { get; init; }
    public required string DeleteNo { get; init; }
    public required string Deleted { get; init; }
    public required string Cancelled { get; init; }
    public required string AlreadyDone { get; init; }
    public required string LanguageChanged { get; init; }
    public required string Welcome { get; init; }
    public required string Reminder { get; init; }
    public required string StaleButton { get; init; }

    public static readonly BotTexts Spanish = new()
    {
        Yes = "Sí",
        No = "No",
        AcceptConsent = "Sí, acepto",
        DeclineConsent = "No acepto",
        LanguageHint = "(Write \"English\" to continue in English.)",
        Declined = "Entendido: sin tu consentimiento no guardamos nada. Si cambias de opinión, escribe \"hola\".",
        QuestionHeader = "Pregunta {0} de {1}",
        MultipleHint = "Puedes elegir varias: escribe los números separados por comas, por ejemplo 1,3.",
        GridHint = "Califica cada rubro con E (Excelente), B (Bueno), R (Regular), M (Malo) o P (Pésimo), uno por mensaje, o todos a la vez, por ejemplo: B R M B E.",
        GridRow = "{0} de {1}: {2}",
        RankedHint = "Elige {0} en orden, del más importante al menos importante. Puedes escribir los {0} números juntos (por ejemplo: 3 1 7 12 5) o uno por uno.",
        RankedStep = "Lugar {0} de {1}:",
        SkipHint = "(Si prefieres no responder, escribe \"saltar\".)",
        YesNoInvalid = "Responde 1 (Sí) o 2 (No), por favor.",
        SingleInvalid = "Elige un número del 1 al {0}, por favor.",
        MultipleInvalid = "Elige uno o varios números del 1 al {0}, separados por comas (por ejemplo 1,3).",
        Ambiguous = "Esa respuesta coincide con varias opciones. Elige por número, del 1 al {0}.",
        Repeated = "Repetiste una opción. Escribe cada número una sola vez.",
        GridInvalid = "Responde con una letra: E, B, R, M o P (o un número del 1 al 5).",
        GridTooMany = "Escribe una letra por rubro: quedan {0} rubros por calificar.",
        RankedInvalid = "Elige números del 1 al {0} que no hayas elegido antes; faltan {1}.",
        RankedRepeated = "No repitas temas: cada número solo una vez.",
        TextEmpty = "Escribe tu respuesta en un mensaje de texto, por favor.",
        TextTooLong = "Tu respuesta tiene {0} caracteres y el máximo es {1}. Escríbela más corta, por favor.",
        TextNoWords = "Escribe tu respuesta con palabras, por favor.",
        NotText = "Por ahora solo puedo leer mensajes de texto.",
        Help = "Respondes una pregunta a la vez, por número o con palabras. Palabras que siempre funcionan:\n• atrás: volver a la pregunta anterior\n• estado: ver en qué pregunta vas\n• reiniciar: empezar de nuevo\n• cancelar: dejar la encuesta\n• borrar: borrar tus datos\n• English: continue in English",
        Status = "Vas en la pregunta {0} de {1}.",
        AtFirstQuestion = "Ya estás en la primera pregunta.",
        Summary = "Revisa tus respuestas:",
        SummarySkipped = "(sin respuesta)",
        Send = "Enviar respuestas",
        Change = "Cambiar una respuesta",
        ConfirmInvalid = "Responde 1 para enviar tus respuestas o 2 para cambiar alguna.",
        PickCorrection = "¿Qué pregunta quieres cambiar? Escribe su número, del 1 al {0}.",
        PickCorrectionInvalid = "Escribe el número de una pregunta que hayas respondido, del 1 al {0}.",
        ContinueOrRestart = "Ya habías empezado la encuesta. ¿Quieres continuar donde te quedaste o empezar de nuevo?",
        Continue = "Continuar",
        StartOver = "Empezar de nuevo",
        ConfirmDelete = "¿Seguro que quieres borrar tus respuestas y tus datos? No se puede deshacer.",
        DeleteYes = "Sí, borrar",
        DeleteNo = "No, continuar",
        Deleted = "Listo: borramos tus respuestas y tus datos. Gracias. Si quieres responder otra vez, escribe \"hola\".",
        Cancelled = "Listo, dejamos la encuesta aquí; tus respuestas no se enviaron. Escribe \"hola\" cuando quieras empezar de nuevo.",
        AlreadyDone = "Ya respondiste esta encuesta, ¡gracias! Si quieres borrar tus respuestas, escribe \"borrar\".",
        LanguageChanged = "De acuerdo, seguimos en español.",
        Welcome = "¡Hola! Gracias por participar.",
        StaleButton = "Ese botón era de una pregunta anterior. Seguimos aquí:",
        Reminder = "¡Hola de nuevo! Tu encuesta quedó a medias; puedes seguir cuando quieras, justo donde te quedaste.",
    };

    public static readonly BotTexts English = new()
    {
        Yes = "Yes",
        No = "No",
        AcceptConsent = "Yes, I agree",
        DeclineConsent = "I do not agree",
        LanguageHint = "(Escribe \"español\" para seguir en español.)",
        Declined = "Understood: without your consent we keep nothing. If you change your mind, write \"hello\".",
        QuestionHeader = "Question {0} of {1}",
        MultipleHint = "You can choose several: write the numbers separated by commas, for example 1,3.",
        GridHint = "Rate each area with E (Excellent), B (Good), R (Fair), M (Poor) or P (Very poor), one per message, or all at once, for example: B R M B E.",
        GridRow = "{0} of {1}: {2}",
        RankedHint = "Choose {0} in order, from most to least important. You can write the {0} numbers together (for example: 3 1 7 12 5) or one at a time.",
        RankedStep = "Place {0} of {1}:",
        SkipHint = "(If you prefer not to answer, write \"skip\".)",
        YesNoInvalid = "Please answer 1 (Yes) or 2 (No).",
        SingleInvalid = "Please choose a number from 1 to {0}.",
        MultipleInvalid = "Choose one or more numbers from 1 to {0}, separated by commas (for example 1,3).",
        Ambiguous = "That answer matches several options. Please choose by number, from 1 to {0}.",
        Repeated = "You repeated an option. Write each number only once.",
        GridInvalid = "Answer with one letter: E, B, R, M or P (or a number from 1 to 5).",
        GridTooMany = "Write one letter per area: {0} areas are left to rate.",
        RankedInvalid = "Choose numbers from 1 to {0} that you have not chosen yet; {1} to go.",
        RankedRepeated = "Do not repeat topics: each number only once.",
        TextEmpty = "Please write your answer as a text message.",
        TextTooLong = "Your answer has {0} characters and the limit is {1}. Please make it shorter.",
        TextNoWords = "Please write your answer in words.",
        NotText = "For now I can only read text messages.",
        Help = "You answer one question at a time, by number or in words. Words that always work:\n• back: previous question\n• status: where you are\n• restart: start over\n• cancel: leave the survey\n• delete: delete your data\n• español: seguir en español",
        Status = "You are on question {0} of {1}.",
        AtFirstQuestion = "You are already on the first question.",
        Summary = "Please review your answers:",
        SummarySkipped = "(no answer)",
        Send = "Send answers",
        Change = "Change an answer",
        ConfirmInvalid = "Answer 1 to send your answers or 2 to change one.",
        PickCorrection = "Which question do you want to change? Write its number, from 1 to {0}.",
        PickCorrectionInvalid = "Write the number of a question you answered, from 1 to {0}.",
        ContinueOrRestart = "You had already started the survey. Do you want to continue where you left off or start over?",
        Continue = "Continue",
        StartOver = "Start over",
        ConfirmDelete = "Are you sure you want to delete your answers and your data? This cannot be undone.",
        DeleteYes = "Yes, delete",
        DeleteNo = "No, continue",
        Deleted = "Done: we deleted your answers and your data. Thank you. To answer again, write \"hello\".",
        Cancelled = "OK, we stop the survey here; your answers were not sent. Write \"hello\" whenever you want to start again.",
        AlreadyDone = "You already answered this survey, thank you! To delete your answers, write \"delete\".",
        LanguageChanged = "All right, we continue in English.",
        Welcome = "Hello! Thank you for taking part.",
        StaleButton = "That button belonged to an earlier question. We are here:",
        Reminder = "Hello again! Your survey is half done; you can continue whenever you like, right where you left off.",
    };

    public static BotTexts For(string language) => language == "en" ? English : Spanish;
}
