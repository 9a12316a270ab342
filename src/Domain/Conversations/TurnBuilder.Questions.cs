using ChatSurvey.Domain.Answers;
using ChatSurvey.Domain.Events;
using ChatSurvey.Domain.Surveys;

namespace ChatSurvey.Domain.Conversations;

/// <summary>The survey itself: asking, answering, going back, the summary and completion.</summary>
internal sealed partial class TurnBuilder
{
    private Question Current => survey.Questions[_state.Question];

    /// <summary>How far into the current question the person is: grid rows, text parts or ranked places done.</summary>
    private int Step => StepOf(_state.Draft);

    private int StepOf(Answer draft) => Current.Kind switch
    {
        QuestionKind.Grid or QuestionKind.Ranked => draft.Choices.Length,
        QuestionKind.Text => draft.Texts.Length,
        _ => 0,
    };

    private bool OnCommand(Command command)
    {
        switch (command)
        {
            case Command.Help:
                Say(Texts.Help);
                Present();
                return true;
            case Command.Status:
                var number = _state.Stage == Stage.Asking ? Current.Number : survey.Definition.QuestionCount;
                Say(string.Format(null, Texts.Status, number, survey.Definition.QuestionCount));
                Present();
                return true;
            case Command.Back:
                Back();
                return true;
            case Command.Restart:
                Confirm(Stage.ConfirmRestart);
                return true;
            case Command.Cancel:
                _state = ConversationState.Initial with { Stage = Stage.Closed, Language = _state.Language, LastSeen = _state.LastSeen };
                _events.Add(new ConversationCancelled(now, CancelReason.Cancelled));
                Say(Texts.Cancelled);
                return true;
            case Command.Delete:
                Confirm(Stage.ConfirmDelete);
                return true;
            default:
                return false;
        }
    }

    private void OnAnswer(string raw, string normalized, Command command)
    {
        switch (_state.Stage)
        {
            case Stage.Confirm:
                OnConfirm(normalized);
                break;
            case Stage.PickCorrection:
                OnPickCorrection(normalized);
                break;
            default:
                AnswerCurrent(raw, normalized, command);
                break;
        }
    }

    private void AnswerCurrent(string raw, string normalized, Command command)
    {
        var question = Current;
        var skip = question.Optional && Step == 0 && (command == Command.Skip || Vocabulary.IsNo(normalized));
        if (skip)
        {
            Record(Answer.Empty);
            return;
        }

        var draft = Parse(question, raw, normalized, command);
        if (!draft.IsOk)
        {
            _events.Add(new AnswerRejected(now, question.Code, draft.Rejection));
            var prompts = Compiled.Prompts[_state.Question];
            Reask(RejectionText(question, draft.Rejection, raw.Trim().Length), RemainingChoices(prompts), prompts.Style, question.Code);
            return;
        }

        var complete = question.Kind switch
        {
            QuestionKind.Grid or QuestionKind.Ranked or QuestionKind.Text => StepOf(draft.Value) == question.StepCount,
            _ => true,
        };
        if (complete)
        {
            // Record sets the draft back to empty: no state copy with the complete draft in between.
            Record(draft.Value);
        }
        else
        {
            _state = _state with { Draft = draft.Value };
            Ask(isNew: false);
        }
    }

    private ParseResult<Answer> Parse(Question question, string raw, string normalized, Command command)
    {
        var options = Compiled.Options[_state.Question];
        var draft = _state.Draft;
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                var yesNo = Vocabulary.YesNo(normalized);
                return yesNo.IsOk ? ParseResult<Answer>.Ok(Answer.Choice(yesNo.Value ? 0 : 1)) : ParseResult<Answer>.Invalid(yesNo.Rejection);
            case QuestionKind.SingleChoice:
                var single = options.Match(normalized);
                return single.IsOk ? ParseResult<Answer>.Ok(Answer.Choice(single.Value)) : ParseResult<Answer>.Invalid(single.Rejection);
            case QuestionKind.MultipleChoice:
                var many = options.MatchList(normalized);
                if (!many.IsOk)
                {
                    return ParseResult<Answer>.Invalid(many.Rejection);
                }

                // The list is this call's own: sorting it in place spares LINQ's ordered copy.
                many.Value.Sort();
                return ParseResult<Answer>.Ok(new Answer([.. many.Value], []));
            case QuestionKind.Grid:
                var ratings = GridParser.Parse(normalized, options, question.Rows.Count - draft.Choices.Length);
                return ratings.IsOk ? ParseResult<Answer>.Ok(draft with { Choices = draft.Choices.AddRange(ratings.Value) }) : ParseResult<Answer>.Invalid(ratings.Rejection);
            case QuestionKind.Ranked:
                var picks = RankedParser.Parse(normalized, options, draft.Choices, question.Pick - draft.Choices.Length);
                return picks.IsOk ? ParseResult<Answer>.Ok(draft with { Choices = draft.Choices.AddRange(picks.Value) }) : ParseResult<Answer>.Invalid(picks.Rejection);
            default:
                // A command word typed as free text would be a surprise; it never reaches here (handled before).
                var text = command == Command.Skip ? ParseResult<string>.Invalid(Rejection.NotUnderstood) : FreeTextParser.Parse(raw, question.MaxLength);
                return text.IsOk ? ParseResult<Answer>.Ok(draft.AddText(text.Value)) : ParseResult<Answer>.Invalid(text.Rejection);
        }
    }

    private void Record(Answer answer)
    {
        _events.Add(new AnswerRecorded(now, Current.Code));
        // Advance sets the answers, the stage and an empty draft in one state copy.
        Advance(_state.Answers.SetItem(_state.Question, answer));
    }

    private void Advance() => Advance(_state.Answers);

    /// <summary>Goes to the first applicable question without an answer, or to the summary when there is none.</summary>
    private void Advance(System.Collections.Immutable.ImmutableArray<Answer?> answers)
    {
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            if (!Applies(answers, i))
            {
                // SetItem copies the whole array: only when there is an answer to drop.
                if (answers[i] is not null)
                {
                    answers = answers.SetItem(i, null);
                }
            }
            else if (answers[i] is null)
            {
                _state = _state with { Answers = answers, Question = i, Stage = Stage.Asking, Draft = Answer.Empty };
                Ask(isNew: true);
                return;
            }
        }

        _state = _state with { Answers = answers, Stage = Stage.Confirm, Draft = Answer.Empty };
        ShowSummary();
    }

    private bool Applies(System.Collections.Immutable.ImmutableArray<Answer?> answers, int index)
    {
        var (target, option) = survey.Conditions[index];
        return target < 0 || (answers[target] is { } answer && answer.Choices.Contains(option));
    }

    private void Ask(bool isNew)
    {
        var prompts = Compiled.Prompts[_state.Question];
        if (isNew)
        {
            _events.Add(new QuestionAsked(now, Current.Code));
        }

        _replies.Add(new Reply(prompts.Steps[Step], prompts.Style, RemainingChoices(prompts), Current.Code, Prompt: CurrentPrompt, Language: Language));
    }

    /// <summary>A ranked question lists only the options not chosen yet, keeping their original numbers.</summary>
    private IReadOnlyList<Choice> RemainingChoices(QuestionPrompts prompts) =>
        Current.Kind == QuestionKind.Ranked && _state.Draft.Choices.Length > 0
            ? [.. prompts.Choices.Where((_, i) => !_state.Draft.Choices.Contains(i))]
            : prompts.Choices;

    private void Back()
    {
        if (_state.Stage == Stage.Asking && Step > 0)
        {
            var draft = _state.Draft;
            _state = _state with
            {
                Draft = Current.Kind == QuestionKind.Text
                    ? draft with { Texts = draft.Texts.RemoveAt(draft.Texts.Length - 1) }
                    : draft with { Choices = draft.Choices.RemoveAt(draft.Choices.Length - 1) },
            };
            Ask(isNew: false);
            return;
        }

        var from = _state.Stage == Stage.Asking ? _state.Question : survey.Questions.Count;
        for (var i = from - 1; i >= 0; i--)
        {
            if (_state.Answers[i] is not null)
            {
                Reopen(i);
                return;
            }
        }

        Say(Texts.AtFirstQuestion);
        Present();
    }

    /// <summary>Asks question <paramref name="index"/> again; answers that depended on it are asked again too.</summary>
    private void Reopen(int index)
    {
        var fromCode = _state.Stage == Stage.Asking ? Current.Code : "summary";
        var answers = _state.Answers.SetItem(index, null);
        for (var i = index + 1; i < survey.Questions.Count; i++)
        {
            if (survey.Conditions[i].Question == index)
            {
                answers = answers.SetItem(i, null);
            }
        }

        _state = _state with { Answers = answers, Question = index, Stage = Stage.Asking, Draft = Answer.Empty };
        _events.Add(new WentBack(now, fromCode, Current.Code));
        Ask(isNew: false);
    }

    private void OnConfirm(string normalized)
    {
        var yesNo = Vocabulary.YesNo(normalized);
        var choice = yesNo.IsOk ? (yesNo.Value ? 0 : 1)
            : PickOf(normalized, Texts.Send, Texts.Change, "send", "change");
        switch (choice)
        {
            case 0:
                Complete();
                break;
            case 1:
                _state = _state with { Stage = Stage.PickCorrection };
                Present();
                break;
            default:
                Reask(Texts.ConfirmInvalid, SummaryChoices());
                break;
        }
    }

    private void OnPickCorrection(string normalized)
    {
        if (Vocabulary.TryNumber(normalized, out var number))
        {
            for (var i = 0; i < survey.Questions.Count; i++)
            {
                if (survey.Questions[i].Number == number && survey.Questions[i].When is null && _state.Answers[i] is not null)
                {
                    Reopen(i);
                    return;
                }
            }
        }

        Reask(string.Format(null, Texts.PickCorrectionInvalid, survey.Definition.QuestionCount), []);
    }

    private Choice[] SummaryChoices() => [new("1", Texts.Send), new("2", Texts.Change)];

    private void ShowSummary() =>
        _replies.Add(new Reply(Summary.Render(survey, _state, Texts), ReplyStyle.SingleChoice, SummaryChoices(), Prompt: CurrentPrompt));

    private void Complete()
    {
        var response = new CompletedResponse(
            survey.Definition.Id,
            survey.Definition.Version,
            Language,
            _state.Promoter,
            DateTimeOffset.FromUnixTimeSeconds(_state.StartedAt),
            now,
            ResponseValues.From(survey, _state.Answers));
        _events.Add(new ConversationCompleted(now, response));
        // A finished conversation keeps only what is needed to say "ya respondiste".
        _state = _state with { Stage = Stage.Completed, Answers = [], Draft = Answer.Empty, Question = 0 };
        Say(survey.Definition.Thanks.Get(Language));
    }

    private string RejectionText(Question question, Rejection rejection, int length)
    {
        var texts = Texts;
        var count = question.Kind == QuestionKind.Grid ? question.Rows.Count : question.Options.Count;
        return (question.Kind, rejection) switch
        {
            (QuestionKind.Text, Rejection.TooLong) => string.Format(null, texts.TextTooLong, length, question.MaxLength),
            (QuestionKind.Text, Rejection.NoWords) => texts.TextNoWords,
            (QuestionKind.Text, _) => texts.TextEmpty,
            (QuestionKind.YesNo, _) => texts.YesNoInvalid,
            (_, Rejection.Ambiguous) => string.Format(null, texts.Ambiguous, count),
            (QuestionKind.Grid, Rejection.TooMany) => string.Format(null, texts.GridTooMany, question.Rows.Count - _state.Draft.Choices.Length),
            (QuestionKind.Grid, _) => texts.GridInvalid,
            (QuestionKind.Ranked, Rejection.Repeated) => texts.RankedRepeated,
            (QuestionKind.Ranked, _) => string.Format(null, texts.RankedInvalid, count, question.Pick - _state.Draft.Choices.Length),
            (_, Rejection.Repeated) => texts.Repeated,
            (QuestionKind.MultipleChoice, _) => string.Format(null, texts.MultipleInvalid, count),
            _ => string.Format(null, texts.SingleInvalid, count),
        };
    }
}
