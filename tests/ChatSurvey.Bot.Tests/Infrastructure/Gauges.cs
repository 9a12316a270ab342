using System.Diagnostics.Metrics;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// Reads a gauge of the meters one <see cref="IMeterFactory"/> made: /metrics shows every host's meters in the test
/// process, so a value there may be another test's.
/// </summary>
public static class Gauges
{
    public static long Read(IMeterFactory factory, string name)
    {
        long value = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == name)
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
