namespace ChatSurvey.Domain.Conversations;

/// <summary>Where a conversation is. Stored as one byte; never renumber.</summary>
public enum Stage : byte
{
    /// <summary>Nothing said yet.</summary>
    New = 0,
    /// <summary>The privacy notice was shown; waiting for consent.</summary>
    Consent = 1,
    Asking = 2,
    /// <summary>The summary was shown; waiting for "enviar" or "cambiar".</summary>
    Confirm = 3,
    /// <summary>Waiting for the number of the question to change.</summary>
    PickCorrection = 4,
    /// <summary>"¿Continuar o empezar de nuevo?"</summary>
    ConfirmRestart = 5,
    /// <summary>"¿Seguro que quieres borrar tus datos?"</summary>
    ConfirmDelete = 6,
    Completed = 7,
    /// <summary>Declined consent, cancelled, or deleted: nothing kept; the next message starts afresh.</summary>
    Closed = 8,
    /// <summary>The languages were offered (first contact with more than two, or "idioma"); waiting for a choice.</summary>
    ChooseLanguage = 9,
}
