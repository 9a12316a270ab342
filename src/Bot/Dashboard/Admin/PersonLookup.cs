using ChatSurvey.Bot.Conversations;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Bot.Dashboard.Admin;

/// <summary>
/// Finds a person for a deletion request as it arrives: by channel and phone number or chat id, turned into their
/// pseudonym the way the bot makes it (the number itself is never stored or shown), or by pseudonym. A number may be
/// written many ways ("951 123 4567", "+52 1 951…", "whatsapp:+52…"); every way it could have been stored is tried.
/// </summary>
public sealed class PersonLookup(Pseudonymizer pseudonyms, IConversationStore conversations, SqlResponseStore store)
{
    public async Task<PersonData?> ByAddressAsync(Channel channel, string address, CancellationToken cancellationToken)
    {
        foreach (var id in Candidates(channel, address))
        {
            var key = new ConversationKey(channel, id);
            var found = await CountAsync(pseudonyms.For(key), cancellationToken);
            var live = (await conversations.LoadAsync(key, cancellationToken)).Version > 0;
            if (!found.IsEmpty || live)
            {
                return found with { InConversation = live };
            }
        }

        return null;
    }

    public async Task<PersonData?> ByPseudonymAsync(string pseudonym, CancellationToken cancellationToken) =>
        await CountAsync(pseudonym, cancellationToken) is { IsEmpty: false } found ? found : null;

    /// <summary>
    /// The ids the channel could have given this person: telegram and web ids as typed; phone numbers in E.164
    /// (+ and digits), with Mexico's code added to a 10-digit number, and with and without the "1" WhatsApp long put
    /// after it.
    /// </summary>
    public static IReadOnlyList<string> Candidates(Channel channel, string address)
    {
        var typed = address.Trim();
        if (channel == Channel.Telegram || channel == Channel.Web)
        {
            return typed.Length == 0 ? [] : [typed];
        }

        var digits = new string([.. typed.Where(char.IsAsciiDigit)]);
        List<string> numbers = digits.Length switch
        {
            10 => [$"52{digits}", $"521{digits}"],
            12 when digits.StartsWith("52", StringComparison.Ordinal) => [digits, $"521{digits[2..]}"],
            13 when digits.StartsWith("521", StringComparison.Ordinal) => [digits, $"52{digits[3..]}"],
            >= 8 => [digits],
            _ => [],
        };
        return [.. numbers.Select(n => $"+{n}")];
    }

    private async Task<PersonData> CountAsync(string pseudonym, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var sql = new Sql(connection, null);
        await using var reader = await sql.Query(
            """
            SELECT (SELECT COUNT(*) FROM responses WHERE respondent = @r),
                (SELECT COUNT(*) FROM answer_values WHERE response_id IN (SELECT id FROM responses WHERE respondent = @r)),
                (SELECT COUNT(*) FROM conversation_events WHERE respondent = @r),
                (SELECT COUNT(*) FROM contacts WHERE respondent = @r),
                (SELECT COUNT(*) FROM dead_letters WHERE respondent = @r)
            """,
            [("r", pseudonym)],
            cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PersonData(pseudonym, DashboardDb.ReadLong(reader, 0), DashboardDb.ReadLong(reader, 1), DashboardDb.ReadLong(reader, 2), DashboardDb.ReadLong(reader, 3), DashboardDb.ReadLong(reader, 4), false);
    }
}
