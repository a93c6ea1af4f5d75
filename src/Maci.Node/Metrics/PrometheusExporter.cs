using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Maci.Node.Metrics;

/// <summary>
/// Listens to one meter instance with a <see cref="MeterListener"/> and renders its instruments in the Prometheus text
/// exposition format (0.0.4): counters as <c>_total</c> sums, gauges as last values, histograms with fixed
/// buckets (<c>_bucket{le=…}</c>, <c>_sum</c>, <c>_count</c>).
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();
    private readonly Lock _collectLock = new();

    public PrometheusExporter(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.GetOrAdd((instrument, Labels(tags)), _ => new Series());
        lock (series)
        {
            switch (instrument)
            {
                case ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double>:
                    series.Value = value;
                    break;
                case Histogram<double> or Histogram<long>:
                    series.Count++;
                    series.Sum += value;
                    for (var b = 0; b < Buckets.Length; b++)
                        if (value <= Buckets[b]) series.BucketCounts[b]++;
                    break;
                default:
                    series.Value += value;
                    break;
            }
        }
    }

    /// <summary>Reads the observable instruments and renders every series.</summary>
    public string Render()
    {
        lock (_collectLock)
        {
            _listener.RecordObservableInstruments();
            var sb = new StringBuilder();
            foreach (var group in _series.OrderBy(s => s.Key.Instrument.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Labels, StringComparer.Ordinal)
                         .GroupBy(s => s.Key.Instrument))
            {
                var instrument = group.Key;
                var name = instrument.Name;
                var isHistogram = instrument is Histogram<double> or Histogram<long>;
                var isGauge = instrument is ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double>;
                sb.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description ?? name).Append('\n');
                sb.Append("# TYPE ").Append(name).Append(' ').Append(isHistogram ? "histogram" : isGauge ? "gauge" : "counter").Append('\n');
                foreach (var (key, series) in group)
                    lock (series)
                    {
                        if (!isHistogram)
                        {
                            Line(sb, name, key.Labels, null, series.Value);
                            continue;
                        }
                        for (var b = 0; b < Buckets.Length; b++)
                            Line(sb, name + "_bucket", key.Labels, Format(Buckets[b]), series.BucketCounts[b]);
                        Line(sb, name + "_bucket", key.Labels, "+Inf", series.Count);
                        Line(sb, name + "_sum", key.Labels, null, series.Sum);
                        Line(sb, name + "_count", key.Labels, null, series.Count);
                    }
            }
            return sb.ToString();
        }
    }

    private static void Line(StringBuilder sb, string name, string labels, string? le, double value)
    {
        sb.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            sb.Append('{').Append(labels);
            if (le is not null) sb.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            sb.Append('}');
        }
        sb.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>(tags.Length);
        foreach (var t in tags)
        {
            var value = Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "";
            parts.Add($"{t.Key}=\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"");
        }
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Series
    {
        public double Value;
        public double Sum;
        public long Count;
        public readonly long[] BucketCounts = new long[Buckets.Length];
    }
}
