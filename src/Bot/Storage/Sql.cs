using System.Data.Common;

namespace ChatSurvey.Bot.Storage;

/// <summary>A thin helper over one connection (and transaction): commands with @named parameters.</summary>
public sealed class Sql(DbConnection connection, DbTransaction? transaction) : IAsyncDisposable
{
    private readonly List<DbCommand> _commands = [];

    public async Task<int> Execute(string text, params (string Name, object? Value)[] parameters) =>
        await Command(text, parameters).ExecuteNonQueryAsync();

    public async Task<object?> Scalar(string text, params (string Name, object? Value)[] parameters) =>
        await Command(text, parameters).ExecuteScalarAsync();

    public async Task<DbDataReader> Query(string text, params (string Name, object? Value)[] parameters) =>
        await Command(text, parameters).ExecuteReaderAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }
    }

    private DbCommand Command(string text, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        _commands.Add(command);
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
