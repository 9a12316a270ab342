using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Languages;

namespace ChatSurvey.Domain.Conversations;

/// <summary>Builds one turn: dispatches on the stage, collects replies and events.</summary>
internal sealed partial class TurnBuilder(CompiledSurvey survey, ConversationState state, DateTimeOffset now)
{
    private readonly List<Reply> _replies = new(2);
    private readonly List<ConversationEvent> _events = new(2);
    private ConversationState _state = state;

    private CompiledLanguage? _compiled;

    /// <summary>The conversation's language; until one is chosen (""), the survey's default.</summary>
    private string Language => _state.Language.Length > 0 ? _state.Language : survey.Definition.DefaultLanguage;

    /// <summary>The conversation's language compiled, looked up again only when the language changes.</summary>
    private CompiledLanguage Compiled
    {
        get
        {
            if (_compiled is null || !string.Equals(_compiled.Code, Language, StringComparison.Ordinal))
            {
                _compiled = survey.Language(_state.Language);
            }

            return _compiled;
        }
    }

    private BotTexts Texts => Compiled.Texts;

    /// <summary>The words understood in this conversation's language.</summary>
    public Vocabulary Vocabulary => Compiled.Vocabulary;

    public Turn Build() => new(_state, ReplySplitter.Split(_replies), _events);

    public void Handle(Input input, string normalized, Command command)
    {
        if (input.Kind == InputKind.Unsupported && _state.Stage is not (Stage.New or Stage.Closed))
        {
            Say(Texts.NotText);
            Present();
            return;
        }

        switch (_state.Stage)
        {
            case Stage.New or Stage.Closed:
                if (command == Command.Delete)
                {
                    Delete();
                }
                else
                {
                    Begin(_state.Promoter);
                }

                break;
            case Stage.Completed:
                OnCompleted(command);
                break;
            case Stage.Consent:
                OnConsent(normalized, command);
                break;
            case Stage.ConfirmRestart:
                OnConfirmRestart(normalized, command);
                break;
            case Stage.ConfirmDelete:
                OnConfirmDelete(normalized);
                break;
            case Stage.ChooseLanguage:
                OnChooseLanguage(normalized, command);
                break;
            default:
                if (!OnCommand(command))
                {
                    OnAnswer(input.Text, normalized, command);
                }

                break;
        }
    }

    public void OnStart(string? payload)
    {
        switch (_state.Stage)
        {
            case Stage.New or Stage.Closed or Stage.Consent or Stage.ChooseLanguage:
                Begin(PromoterCode.IsValid(payload) ? payload : _state.Promoter);
                break;
            case Stage.Completed:
                Say(Texts.AlreadyDone);
                break;
            case Stage.ConfirmRestart or Stage.ConfirmDelete:
                Present();
                break;
            default:
                AskContinueOrRestart();
                break;
        }
    }

    public void SwitchLanguage(string language)
    {
        if (survey.Speaks(language))
        {
            _state = _state with { Language = language };
        }

        Say(Texts.LanguageChanged);
        if (_state.Stage == Stage.ChooseLanguage)
        {
            _state = _state with { Stage = _state.ReturnTo };
        }

        if (_state.Stage is Stage.New or Stage.Closed)
        {
            Begin(_state.Promoter);
        }
        else
        {
            Present();
        }
    }

    /// <summary>"idioma": the languages to choose from; the choice leads back to where the person was.</summary>
    public void ChooseLanguage()
    {
        // From a pending confirmation the way back is where that confirmation was asked.
        var returnTo = _state.Stage is Stage.ConfirmRestart or Stage.ConfirmDelete or Stage.ChooseLanguage ? _state.ReturnTo : _state.Stage;
        _state = _state with { Stage = Stage.ChooseLanguage, ReturnTo = returnTo };
        Present();
    }

    private void OnChooseLanguage(string normalized, Command command)
    {
        if (command == Command.Help)
        {
            Say(Texts.Help);
            Present();
            return;
        }

        if (Vocabulary.TryNumber(normalized, out var number) && number >= 1 && number <= survey.Languages.Count)
        {
            SwitchLanguage(survey.Languages[number - 1]);
            return;
        }

        Reask(survey.LanguageMenu, survey.LanguageChoices);
    }

    /// <summary>The prompt the conversation waits on now; see <see cref="Reply.Prompt"/>.</summary>
    public string CurrentPrompt => _state.Stage switch
    {
        Stage.Consent => "@consent",
        Stage.Asking => AskingPrompt(Step),
        Stage.Confirm => "@confirm",
        Stage.PickCorrection => "@pick",
        Stage.ConfirmRestart => "@restart",
        Stage.ConfirmDelete => "@delete",
        Stage.ChooseLanguage => "@language",
        _ => "@none",
    };

    /// <summary>"q5.2" for the current question's step 2, built once per survey rather than once per turn.</summary>
    private string AskingPrompt(int step)
    {
        var ids = Compiled.Prompts[_state.Question].PromptIds;
        return step < ids.Count ? ids[step] : $"{Current.Code}.{step}";
    }

    public void RejectStaleButton()
    {
        Say(Texts.StaleButton);
        Present();
    }

    public void Remind()
    {
        _events.Add(new ReminderSent(now));
        _replies.Add(Reply.Plain(Texts.Reminder) with { Kind = ReplyKind.Reminder });
        Present();
    }

    /// <summary>
    /// The survey the conversation started on is no longer available: say so, record the conversation as ended, and
    /// start afresh with the privacy notice (nothing of the old answers is kept or misread).
    /// </summary>
    public void SurveyChanged()
    {
        _events.Add(new ConversationCancelled(now, CancelReason.SurveyChanged));
        Say(Texts.SurveyChanged);
        Begin(_state.Promoter);
    }

    public void Repeat()
    {
        if (_state.Stage is not (Stage.New or Stage.Closed))
        {
            Present();
        }
    }

    public void AskContinueOrRestart()
    {
        if (_state.Stage != Stage.ConfirmRestart)
        {
            _state = _state with { ReturnTo = _state.Stage, Stage = Stage.ConfirmRestart };
        }

        Present();
    }

    /// <summary>
    /// Shows the privacy notice and asks for consent; nothing about the person is kept before a yes. A person who has not
    /// chosen a language, where the survey has more than two, chooses one first.
    /// </summary>
    private void Begin(string? promoter)
    {
        var choose = _state.Language.Length == 0 && survey.OffersLanguageMenu;
        _state = ConversationState.Initial with
        {
            Stage = choose ? Stage.ChooseLanguage : Stage.Consent,
            ReturnTo = Stage.New,
            Language = choose ? "" : Language,
            Promoter = promoter,
            LastSeen = _state.LastSeen,
        };
        Present();
    }

    private void OnConsent(string normalized, Command command)
    {
        if (command == Command.Help)
        {
            Say(Texts.Help);
            Present();
            return;
        }

        var answer = Vocabulary.YesNo(normalized);
        if (!answer.IsOk)
        {
            Reask(Texts.YesNoInvalid, ConsentChoices());
            return;
        }

        if (!answer.Value)
        {
            _state = _state with { Stage = Stage.Closed, Promoter = null };
            _events.Add(new ConversationCancelled(now, CancelReason.Declined));
            Say(Texts.Declined);
            return;
        }

        StartSurvey();
    }

    private void StartSurvey()
    {
        _state = _state with
        {
            Stage = Stage.Asking,
            Survey = survey.Tag,
            StartedAt = now.ToUnixTimeSeconds(),
            // A fresh array of nulls, wrapped rather than copied.
            Answers = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(new Answer?[survey.Questions.Count]),
            Draft = Answer.Empty,
        };
        _events.Add(new ConversationStarted(now, _state.Promoter, Language));
        Advance();
    }

    private void OnCompleted(Command command)
    {
        switch (command)
        {
            case Command.Delete:
                Confirm(Stage.ConfirmDelete);
                break;
            case Command.Help:
                Say(Texts.Help);
                break;
            default:
                if (survey.OneResponsePerPerson)
                {
                    Say(Texts.AlreadyDone);
                }
                else
                {
                    Begin(_state.Promoter);
                }

                break;
        }
    }

    private void OnConfirmRestart(string normalized, Command command)
    {
        if (command is Command.Help or Command.Cancel or Command.Delete)
        {
            OnCommand(command);
            return;
        }

        var choice = command == Command.Restart ? 1 : PickOf(normalized, Texts.Continue, Texts.StartOver, "continue", "startOver");
        switch (choice)
        {
            case 0:
                _state = _state with { Stage = _state.ReturnTo };
                Present();
                break;
            case 1:
                _events.Add(new ConversationCancelled(now, CancelReason.Restarted));
                StartSurvey();
                break;
            default:
                Reask(string.Format(null, Texts.SingleInvalid, 2), RestartChoices());
                break;
        }
    }

    private void OnConfirmDelete(string normalized)
    {
        var yesNo = Vocabulary.YesNo(normalized);
        var choice = Vocabulary.CommandOf(normalized, out _) == Command.Delete ? 0
            : yesNo.IsOk ? (yesNo.Value ? 0 : 1)
            : PickOf(normalized, Texts.DeleteYes, Texts.DeleteNo, null, "keep");
        switch (choice)
        {
            case 0:
                Delete();
                break;
            case 1:
                _state = _state with { Stage = _state.ReturnTo };
                Present();
                break;
            default:
                Reask(Texts.YesNoInvalid, DeleteChoices());
                break;
        }
    }

    private void Delete()
    {
        _state = ConversationState.Initial with { Stage = Stage.Closed, Language = _state.Language, LastSeen = _state.LastSeen };
        _events.Add(new DeletionRequested(now));
        Say(Texts.Deleted);
    }

    private void Confirm(Stage confirmation)
    {
        _state = _state with { ReturnTo = _state.Stage, Stage = confirmation };
        Present();
    }

    /// <summary>Says again what the current stage is waiting for.</summary>
    private void Present()
    {
        switch (_state.Stage)
        {
            case Stage.Consent:
                _replies.Add(new Reply(Compiled.ConsentText, ReplyStyle.YesNo, ConsentChoices(), Prompt: CurrentPrompt));
                break;
            case Stage.Asking:
                Ask(isNew: false);
                break;
            case Stage.Confirm:
                ShowSummary();
                break;
            case Stage.PickCorrection:
                _replies.Add(new Reply(string.Format(null, Texts.PickCorrection, survey.Definition.QuestionCount), ReplyStyle.Plain, [], Prompt: CurrentPrompt));
                break;
            case Stage.ConfirmRestart:
                _replies.Add(new Reply(Texts.ContinueOrRestart, ReplyStyle.SingleChoice, RestartChoices(), Prompt: CurrentPrompt));
                break;
            case Stage.ConfirmDelete:
                _replies.Add(new Reply(Texts.ConfirmDelete, ReplyStyle.SingleChoice, DeleteChoices(), Prompt: CurrentPrompt));
                break;
            case Stage.ChooseLanguage:
                _replies.Add(new Reply(survey.LanguageMenu, ReplyStyle.SingleChoice, survey.LanguageChoices, Prompt: CurrentPrompt));
                break;
            case Stage.Completed:
                Say(Texts.AlreadyDone);
                break;
            default:
                Begin(_state.Promoter);
                break;
        }
    }

    private void Say(string text) => _replies.Add(Reply.Plain(text));

    private void Reask(string text, IReadOnlyList<Choice> choices, ReplyStyle style = ReplyStyle.SingleChoice, string? question = null) =>
        _replies.Add(new Reply(text, style, choices, question, ReplyKind.Reask, CurrentPrompt, Language));

    private Choice[] ConsentChoices() => [new("1", Texts.AcceptConsent), new("2", Texts.DeclineConsent)];

    private Choice[] RestartChoices() => [new("1", Texts.Continue), new("2", Texts.StartOver)];

    private Choice[] DeleteChoices() => [new("1", Texts.DeleteYes), new("2", Texts.DeleteNo)];

    /// <summary>
    /// 0 or 1 for a two-way choice typed as a number ("1", "uno"), the choice's label, or one of its extra words (the
    /// language packs' word lists named <paramref name="firstWords"/> and <paramref name="secondWords"/>); -1 otherwise.
    /// </summary>
    private int PickOf(string normalized, string first, string second, string? firstWords, string secondWords)
    {
        var number = Vocabulary.TryNumber(normalized, out var n) ? n : 0;
        if (number == 1 || normalized == TextNormalizer.Normalize(first) || (firstWords is not null && Vocabulary.IsWord(firstWords, normalized)))
        {
            return 0;
        }

        return number == 2 || normalized == TextNormalizer.Normalize(second) || Vocabulary.IsWord(secondWords, normalized) ? 1 : -1;
    }
}
