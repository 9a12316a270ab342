namespace ChatSurvey.Bot.Storage.Tallies;

/// <summary>
/// Builds the tallies from the rows, when tally_state says they were built otherwise: never (a store upgraded from a
/// version without tallies, whose texts are folded for search at the same time), by an older way of counting, or with
/// another Dashboard:UtcOffset. It runs after the migrations, holding the migration lock and the deletion lock
/// (PostgreSQL), so no writer adds to tallies that are being replaced. People are read in chunks of
/// <see cref="Chunk"/>; the answers are counted by the database itself.
/// </summary>
internal static class TallyRebuild
{
    /// <summary>Changed whenever what is counted changes, so the next start rebuilds.</summary>
    private const string Version = "1";

    private const int Chunk = 2000;

    private static readonly string[] Tables = ["people", "tally_people", "tally_funnel", "tally_answers", "tally_durations"];

    public static async Task EnsureAsync(SqlResponseStore store, TallySettings settings, CancellationToken cancellationToken)
    {
        var dialect = store.Dialect;
        var wanted = $"{Version}:{(int)settings.UtcOffset.TotalMinutes}";
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new Sql(connection, transaction);
        if (dialect.MigrationLock.Length > 0)
        {
            await sql.Execute(dialect.MigrationLock);
        }

        await store.LockDeletionsAsync(sql, deletes: true);
        if (Convert.ToString(await sql.Scalar("SELECT value FROM tally_state WHERE name = 'built'"), System.Globalization.CultureInfo.InvariantCulture) == wanted)
        {
            return;
        }

        await FoldTextsAsync(sql, cancellationToken);
        foreach (var table in Tables)
        {
            await sql.Execute($"DELETE FROM {table}");
        }

        var tally = new Tally();
        await CountPeopleAsync(sql, dialect, settings, tally, cancellationToken);
        await using (var reader = await sql.Query($"SELECT {TallyUpdate.ResponseColumnsSql} FROM responses", [], cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var response = TallyUpdate.ReadResponse(reader, 0, settings);
                tally.AddDuration(response.Key, response.Bucket, 1);
            }
        }

        await tally.QueueAsync(sql, dialect, flushEvery: 1000);
        await sql.Flush();
        await CountAnswersAsync(sql, dialect, settings);
        await sql.Execute("INSERT INTO tally_state (name, value) VALUES ('built', @v) ON CONFLICT (name) DO UPDATE SET value = excluded.value", ("v", wanted));
        await transaction.CommitAsync(cancellationToken);

        // The planner's statistics of tables that were just filled, so the dashboard's reads use their keys at once.
        await using var analyze = new Sql(connection, null);
        foreach (var table in Tables)
        {
            await analyze.Execute($"ANALYZE {table}");
        }
    }

    /// <summary>Every person's figures and stored status, a chunk of people at a time (their events in memory, then written).</summary>
    private static async Task CountPeopleAsync(Sql sql, SqlDialect dialect, TallySettings settings, Tally tally, CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var chunk = new List<(string Respondent, StoredEvent Event)>();
            var last = Convert.ToString(
                await sql.Scalar($"SELECT MAX(respondent) FROM (SELECT DISTINCT respondent FROM conversation_events WHERE respondent > @after ORDER BY respondent LIMIT {Chunk}) AS c", ("after", after)),
                System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(last))
            {
                return;
            }

            await using (var reader = await sql.Query(
                $"SELECT respondent, {TallyUpdate.EventColumnsSql} FROM conversation_events WHERE respondent > @after AND respondent <= @last", [("after", after), ("last", last)], cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    chunk.Add((reader.GetString(0), TallyUpdate.ReadEvent(reader, 1)));
                }
            }

            foreach (var person in chunk.GroupBy(e => e.Respondent, StringComparer.Ordinal))
            {
                if (PersonFigures.Of(person.Select(p => p.Event), settings, settings.IsSilent) is { } figures)
                {
                    figures.AddTo(tally, 1);
                    sql.Queue("INSERT INTO people (respondent, status, last_at) VALUES (@r, @s, @at)", ("r", person.Key), ("s", figures.Status), ("at", dialect.Time(figures.LastActivity)));
                }
            }

            await sql.Flush();
            after = last;
        }
    }

    /// <summary>The option values and the answered questions by day, then their sums over all days, in SQL.</summary>
    private static async Task CountAnswersAsync(Sql sql, SqlDialect dialect, TallySettings settings)
    {
        var day = dialect.LocalDay("r.started_at", (int)settings.UtcOffset.TotalMinutes);
        const string Columns = "day, channel, promoter, survey_version, question, row_code, rank, option_code, n";
        await sql.Execute($"""
            INSERT INTO tally_answers ({Columns})
            SELECT {day}, r.channel, COALESCE(r.promoter, ''), r.survey_version, v.question, COALESCE(v.row_code, ''), COALESCE(v.rank, 0), v.option_code, COUNT(*)
            FROM answer_values v JOIN responses r ON r.id = v.response_id
            WHERE v.option_code IS NOT NULL
            GROUP BY {day}, r.channel, COALESCE(r.promoter, ''), r.survey_version, v.question, COALESCE(v.row_code, ''), COALESCE(v.rank, 0), v.option_code
            """);
        await sql.Execute($"""
            INSERT INTO tally_answers ({Columns})
            SELECT {day}, r.channel, COALESCE(r.promoter, ''), r.survey_version, v.question, '', 0, '', COUNT(DISTINCT v.response_id)
            FROM answer_values v JOIN responses r ON r.id = v.response_id
            GROUP BY {day}, r.channel, COALESCE(r.promoter, ''), r.survey_version, v.question
            """);
        await sql.Execute($"""
            INSERT INTO tally_answers ({Columns})
            SELECT '', channel, promoter, survey_version, question, row_code, rank, option_code, SUM(n)
            FROM tally_answers WHERE day <> ''
            GROUP BY channel, promoter, survey_version, question, row_code, rank, option_code
            """);
    }

    /// <summary>
    /// The folded form of every free text stored before texts were folded on arrival, in key order. "response_id >= @id"
    /// is what lets both databases start each chunk where the last one ended: behind an OR alone, PostgreSQL read the
    /// key from its start every time (a million responses would have taken days).
    /// </summary>
    private static async Task FoldTextsAsync(Sql sql, CancellationToken cancellationToken)
    {
        var (id, seq) = ("", -1L);
        while (true)
        {
            var texts = new List<(string Id, long Seq, string Text)>();
            await using (var reader = await sql.Query(
                "SELECT response_id, seq, text FROM answer_values WHERE response_id >= @id AND (response_id > @id OR seq > @seq) AND text IS NOT NULL AND folded IS NULL ORDER BY response_id, seq LIMIT 5000",
                [("id", id), ("seq", seq)], cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    texts.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2)));
                }
            }

            if (texts.Count == 0)
            {
                return;
            }

            foreach (var text in texts)
            {
                var folded = FoldedText.Of(text.Text);
                sql.Queue("UPDATE answer_values SET folded = @f, text_hash = @h WHERE response_id = @id AND seq = @seq", ("f", folded), ("h", FoldedText.Hash(folded)), ("id", text.Id), ("seq", text.Seq));
            }

            await sql.Flush();
            (id, seq) = (texts[^1].Id, texts[^1].Seq);
        }
    }
}
