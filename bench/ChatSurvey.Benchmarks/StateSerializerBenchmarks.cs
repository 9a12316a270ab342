using BenchmarkDotNet.Attributes;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Benchmarks;

/// <summary>
/// <see cref="StateSerializer"/> at the longest point of the survey: everything answered (every "otro" follow-up and the
/// contact question too), the summary shown, free texts of about 30 characters.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class StateSerializerBenchmarks
{
    private ConversationState _state = null!;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        var survey = SurveyScript.LoadSurvey();
        (_state, _) = SurveyScript.Replay(survey, SurveyScript.LongestToSummary());
        if (_state.Stage != Stage.Confirm)
        {
            throw new InvalidOperationException("Benchmark setup is wrong: the longest script does not end at the summary.");
        }

        _bytes = StateSerializer.Serialize(_state);
        Console.WriteLine($"// Serialized state at the summary, short free texts: {_bytes.Length} bytes");
    }

    [Benchmark(Description = "Serialize (summary)")]
    public byte[] Serialize() => StateSerializer.Serialize(_state);

    [Benchmark(Description = "Deserialize (summary)")]
    public ConversationState Deserialize() => StateSerializer.Deserialize(_bytes);
}
