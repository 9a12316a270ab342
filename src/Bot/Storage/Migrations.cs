namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The schema as numbered steps, applied in order at startup (or by `ChatSurvey.Bot migrate`). Never edit a step that
/// has shipped; add one. "{time}" is the dialect's timestamp type, "{bytes}" its type for raw bytes, "{key_ordered}" what
/// makes a table keep its rows in primary-key order.
/// </summary>
internal static class Migrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE responses (
            id TEXT PRIMARY KEY,
            survey_id TEXT NOT NULL,
            survey_version TEXT NOT NULL,
            channel TEXT NOT NULL,
            respondent TEXT NOT NULL,
            promoter TEXT,
            language TEXT NOT NULL,
            started_at {time} NOT NULL,
            completed_at {time} NOT NULL
        );
        CREATE INDEX responses_completed_at ON responses (completed_at);
        CREATE INDEX responses_respondent ON responses (respondent);
        CREATE TABLE answer_values (
            response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            question TEXT NOT NULL,
            row_code TEXT,
            rank INTEGER,
            option_code TEXT,
            text TEXT,
            PRIMARY KEY (response_id, seq)
        );
        CREATE INDEX answer_values_question ON answer_values (question, option_code);
        CREATE TABLE conversation_events (
            id TEXT PRIMARY KEY,
            at {time} NOT NULL,
            type TEXT NOT NULL,
            channel TEXT NOT NULL,
            respondent TEXT,
            promoter TEXT,
            question TEXT,
            detail TEXT
        );
        CREATE INDEX conversation_events_at ON conversation_events (at);
        """,
        """
        CREATE TABLE contacts (
            respondent TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            address TEXT NOT NULL,
            consent_at {time} NOT NULL,
            consent_version TEXT NOT NULL
        );
        CREATE INDEX contacts_consent_at ON contacts (consent_at);
        CREATE INDEX conversation_events_respondent ON conversation_events (respondent);
        """,
        // The dashboard: promoters (the stats token is the secret part of a promoter's private link), and indexes for
        // its queries, which select conversations by the time they started.
        """
        CREATE TABLE promoters (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            organisation TEXT NOT NULL,
            created_at {time} NOT NULL,
            stats_token TEXT NOT NULL UNIQUE
        );
        CREATE INDEX conversation_events_type_at ON conversation_events (type, at);
        CREATE INDEX responses_started_at ON responses (started_at);
        """,
        // Entries the store refused or the outbox could not decode (DeadLetterStore). The entry is kept as bytes, so
        // no value in it can be refused again; the respondent, when known, lets a person's deletion remove it too.
        """
        CREATE TABLE dead_letters (
            id TEXT PRIMARY KEY,
            respondent TEXT,
            channel TEXT,
            kind TEXT NOT NULL,
            failed_at {time} NOT NULL,
            attempts INTEGER NOT NULL,
            reason TEXT NOT NULL,
            entry {bytes} NOT NULL
        );
        CREATE INDEX dead_letters_respondent ON dead_letters (respondent);
        """,
        // Deletions that always delete: a person's tombstone (a hash of their pseudonym, never the pseudonym) and the
        // time of the deletion; entries of theirs dated before it are dropped however late they arrive.
        """
        CREATE TABLE tombstones (
            respondent_hash TEXT PRIMARY KEY,
            deleted_at {time} NOT NULL
        );
        """,
        // What the scheduled purge removed: counts by kind, never whom.
        """
        CREATE TABLE purge_log (
            at {time} NOT NULL,
            kind TEXT NOT NULL,
            removed INTEGER NOT NULL
        );
        """,
        // Survey versions: every definition the bot has run, so conversations finish on the version they started on;
        // events say which version they belong to (responses did already).
        """
        CREATE TABLE survey_versions (
            survey_id TEXT NOT NULL,
            version TEXT NOT NULL,
            definition TEXT NOT NULL,
            archived_at {time} NOT NULL,
            PRIMARY KEY (survey_id, version)
        );
        ALTER TABLE conversation_events ADD COLUMN survey_version TEXT;
        """,
        // Tallies: the dashboard's figures kept up to date by the outbox writer in the same transaction as the rows
        // (Tallies/TallyUpdate), so the overview and the results read a few hundred rows instead of every event. A
        // person's status (for the silence after which they count as stopped) by pseudonym; counts by day (and "" for
        // all days), channel, promoter ("" for none) and version. tally_state records what the tallies were built with.
        """
        CREATE TABLE people (
            respondent TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            last_at {time} NOT NULL
        ) {key_ordered};
        CREATE INDEX people_status_last_at ON people (status, last_at);
        CREATE TABLE tally_people (
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            promoter TEXT NOT NULL,
            survey_version TEXT NOT NULL,
            in_progress BIGINT NOT NULL,
            stopped BIGINT NOT NULL,
            completed BIGINT NOT NULL,
            abandoned BIGINT NOT NULL,
            cancelled BIGINT NOT NULL,
            PRIMARY KEY (day, channel, promoter, survey_version)
        ) {key_ordered};
        CREATE TABLE tally_funnel (
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            promoter TEXT NOT NULL,
            survey_version TEXT NOT NULL,
            question TEXT NOT NULL,
            reached BIGINT NOT NULL,
            answered BIGINT NOT NULL,
            rejected BIGINT NOT NULL,
            stopped BIGINT NOT NULL,
            abandoned BIGINT NOT NULL,
            PRIMARY KEY (day, channel, promoter, survey_version, question)
        ) {key_ordered};
        CREATE TABLE tally_answers (
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            promoter TEXT NOT NULL,
            survey_version TEXT NOT NULL,
            question TEXT NOT NULL,
            row_code TEXT NOT NULL,
            rank INTEGER NOT NULL,
            option_code TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (day, channel, promoter, survey_version, question, row_code, rank, option_code)
        ) {key_ordered};
        CREATE TABLE tally_durations (
            day TEXT NOT NULL,
            channel TEXT NOT NULL,
            promoter TEXT NOT NULL,
            survey_version TEXT NOT NULL,
            bucket INTEGER NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (day, channel, promoter, survey_version, bucket)
        ) {key_ordered};
        CREATE TABLE tally_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
        // Free texts staff review: each text also folded (lower case, no accents, single spaces) for search and for
        // grouping identical texts, and that folded text's hash; a review mark per field and hash (never the text, so
        // a person's deletion leaves nothing of their words behind).
        """
        ALTER TABLE answer_values ADD COLUMN folded TEXT;
        ALTER TABLE answer_values ADD COLUMN text_hash TEXT;
        CREATE INDEX answer_values_folded ON answer_values (question, row_code, folded);
        CREATE INDEX answer_values_text_hash ON answer_values (text_hash) WHERE text_hash IS NOT NULL;
        CREATE TABLE text_reviews (
            field TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            status TEXT NOT NULL,
            reviewed_by TEXT NOT NULL,
            reviewed_at {time} NOT NULL,
            PRIMARY KEY (field, text_hash)
        );
        """,
        // Deletions staff made: who, when, how, how many rows; never whom.
        """
        CREATE TABLE deletion_log (
            at {time} NOT NULL,
            staff TEXT NOT NULL,
            method TEXT NOT NULL,
            rows_deleted BIGINT NOT NULL,
            confirmed INTEGER NOT NULL
        );
        """,
        // Open-data releases: each a permanent identifier and its zip, kept in chunks (a release of a million
        // responses is tens of megabytes; chunks are written and read as a stream) under the build that wrote them, so
        // two instances building at once never mix their chunks.
        """
        CREATE TABLE open_data_releases (
            id TEXT PRIMARY KEY,
            published_at {time} NOT NULL,
            survey_version TEXT NOT NULL,
            responses BIGINT NOT NULL,
            bytes BIGINT NOT NULL,
            sha256 TEXT NOT NULL,
            build TEXT NOT NULL
        );
        CREATE TABLE open_data_chunks (
            build TEXT NOT NULL,
            seq INTEGER NOT NULL,
            data {bytes} NOT NULL,
            PRIMARY KEY (build, seq)
        );
        """,
        // A person's revision: a random number each write of their rows stores, so a writer that remembers how it left
        // them knows whether anyone wrote them since (Tallies/PersonRows); 0 for rows written otherwise.
        """
        ALTER TABLE people ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
        """,
    ];

    public static int Latest => Steps.Length;

    public static string Step(int version, SqlDialect dialect) =>
        Steps[version - 1].Replace("{time}", dialect.TimeType, StringComparison.Ordinal).Replace("{bytes}", dialect.BytesType, StringComparison.Ordinal)
            .Replace("{key_ordered}", dialect.KeyOrdered, StringComparison.Ordinal);
}
