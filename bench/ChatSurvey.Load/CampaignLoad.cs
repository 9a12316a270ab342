using ChatSurvey.Domain.Events;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ChatSurvey.Load;

/// <summary>
/// Writes a <see cref="Campaign"/> into a migrated store the fast way (COPY on PostgreSQL, prepared inserts in one
/// transaction on SQLite, indexes rebuilt afterwards; see <see cref="BulkLoad"/>): its responses, their answer values
/// and every person's events. The texts are not folded and the tallies not kept: that is the rebuild's work, as for a
/// store upgraded from a version without them.
/// </summary>
internal static class CampaignLoad
{
    private static readonly string[] Tables = ["responses", "answer_values", "conversation_events"];

    public static Task PostgresAsync(string connectionString, long people) => BulkLoad.PostgresAsync(connectionString, Tables, async connection =>
    {
        await using (var copy = await connection.BeginBinaryImportAsync("COPY responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in Completed(people))
            {
                await copy.StartRowAsync();
                foreach (var text in new[] { p.ResponseId, Campaign.SurveyId, Campaign.Version, p.Channel, p.Respondent })
                {
                    await copy.WriteAsync(text, NpgsqlDbType.Text);
                }

                await BulkLoad.Nullable(copy, p.Promoter, NpgsqlDbType.Text);
                await copy.WriteAsync("es", NpgsqlDbType.Text);
                await copy.WriteAsync(p.Start.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.CompletedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY answer_values (response_id, seq, question, row_code, rank, option_code, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in Completed(people))
            {
                var values = Campaign.Values(p);
                for (var seq = 0; seq < values.Count; seq++)
                {
                    var v = values[seq];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(p.ResponseId, NpgsqlDbType.Text);
                    await copy.WriteAsync(seq, NpgsqlDbType.Integer);
                    await copy.WriteAsync(v.Question, NpgsqlDbType.Text);
                    await BulkLoad.Nullable(copy, v.Row, NpgsqlDbType.Text);
                    if (v.Rank is { } rank)
                    {
                        await copy.WriteAsync(rank, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        await copy.WriteNullAsync();
                    }

                    await BulkLoad.Nullable(copy, v.Option, NpgsqlDbType.Text);
                    await BulkLoad.Nullable(copy, v.Text, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY conversation_events (id, at, type, channel, respondent, promoter, question, detail, survey_version) FROM STDIN (FORMAT BINARY)"))
        {
            for (long i = 0; i < people; i++)
            {
                var p = Campaign.For(i);
                foreach (var e in Campaign.Events(p, p.Outcome == "completed" ? Campaign.Values(p) : null))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(e.Type, NpgsqlDbType.Text);
                    await copy.WriteAsync(p.Channel, NpgsqlDbType.Text);
                    await copy.WriteAsync(p.Respondent, NpgsqlDbType.Text);
                    await BulkLoad.Nullable(copy, e.Type == "started" ? p.Promoter : null, NpgsqlDbType.Text);
                    await BulkLoad.Nullable(copy, e.Question, NpgsqlDbType.Text);
                    await BulkLoad.Nullable(copy, e.Detail, NpgsqlDbType.Text);
                    await copy.WriteAsync(Campaign.Version, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }
    });

    public static Task SqliteAsync(string path, long people) => BulkLoad.SqliteAsync(path, Tables, (connection, transaction) =>
    {
        using var response = BulkLoad.Prepared(connection, transaction, "INSERT INTO responses (id, survey_id, survey_version, channel, respondent, promoter, language, started_at, completed_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)", 9);
        using var value = BulkLoad.Prepared(connection, transaction, "INSERT INTO answer_values (response_id, seq, question, row_code, rank, option_code, text) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7)", 7);
        using var @event = BulkLoad.Prepared(connection, transaction, "INSERT INTO conversation_events (id, at, type, channel, respondent, promoter, question, detail, survey_version) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)", 9);
        for (long i = 0; i < people; i++)
        {
            var p = Campaign.For(i);
            List<AnswerValue>? values = null;
            if (p.Outcome == "completed")
            {
                values = Campaign.Values(p);
                BulkLoad.Run(response, p.ResponseId, Campaign.SurveyId, Campaign.Version, p.Channel, p.Respondent, p.Promoter, "es", BulkLoad.Time(p.Start), BulkLoad.Time(p.CompletedAt));
                for (var seq = 0; seq < values.Count; seq++)
                {
                    var v = values[seq];
                    BulkLoad.Run(value, p.ResponseId, seq, v.Question, v.Row, v.Rank, v.Option, v.Text);
                }
            }

            foreach (var e in Campaign.Events(p, values))
            {
                BulkLoad.Run(@event, e.Id, BulkLoad.Time(e.At), e.Type, p.Channel, p.Respondent, e.Type == "started" ? p.Promoter : null, e.Question, e.Detail, Campaign.Version);
            }
        }
    });

    private static IEnumerable<Campaign.Person> Completed(long people)
    {
        for (long i = 0; i < people; i++)
        {
            var p = Campaign.For(i);
            if (p.Outcome == "completed")
            {
                yield return p;
            }
        }
    }
}
