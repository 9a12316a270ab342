namespace ChatSurvey.Bot.Storage;

/// <summary>
/// The schema as numbered steps, applied in order at startup (or by `ChatSurvey.Bot migrate`). Never edit a step that
/// has shipped; add one. "{time}" is the dialect's timestamp type, "{bytes}" its type for raw bytes.
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
    ];

    public static int Latest => Steps.Length;

    public static string Step(int version, SqlDialect dialect) =>
        Steps[version - 1].Replace("{time}", dialect.TimeType, StringComparison.Ordinal).Replace("{bytes}", dialect.BytesType, StringComparison.Ordinal);
}
