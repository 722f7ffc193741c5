using System.Text.Encodings.Web;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.Simulation;

internal sealed partial class Generator
{
    /// <summary>
    /// Writes what was planted: topics with their lifecycle dates, stage at the end date, segment skew
    /// and supply lag; evergreen, spike and noise terms; the festival; and exact per-feed counts of
    /// bad rows by reason and of duplicates, so that tests can check ingest against them.
    /// </summary>
    private void WriteGroundTruth(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("generator", "trendinsight simulate");
        json.WriteNumber("seed", _options.Seed);
        json.WriteNumber("days", _options.Days);
        json.WriteNumber("scale", _options.Scale);
        json.WriteString("start", BusinessCalendar.Format(Start));
        json.WriteString("end", BusinessCalendar.Format(End));
        json.WriteString("timezone", "Asia/Shanghai");

        json.WriteStartArray("topics");
        foreach (var topic in World.Topics)
        {
            WriteTopic(json, topic);
        }

        json.WriteEndArray();

        // trends that rise on the same curve without ever being named together: each must stay its own topic
        json.WriteStartArray("seasonal_lookalikes");
        foreach (var topic in World.Seasonal)
        {
            WriteTopic(json, topic);
        }

        json.WriteEndArray();

        json.WriteStartArray("evergreen");
        foreach (var e in World.Evergreen)
        {
            json.WriteStartObject();
            json.WriteString("term", e.Terms[0]);
            json.WriteNumber("search_rows_per_day", e.Level * _options.Scale);
            json.WriteString("expected", "stable, never rising");
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("spikes");
        foreach (var s in World.Spikes)
        {
            json.WriteStartObject();
            json.WriteString("term", s.Terms[0]);
            json.WriteString("date", BusinessCalendar.Format(End.AddDays(s.SpikeOffset)));
            json.WriteNumber("search_rows_on_day", s.Level * _options.Scale);
            json.WriteString("expected", "one-day spike, not a rising trend");
            WriteInts(json, "daily_search_rows", _topicSearchRows[s.Id]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "noise", World.Noise.Select(n => n.Terms[0]));
        WriteStrings(json, "chatter_queries", World.Chatter.Queries);

        json.WriteStartObject("event");
        json.WriteString("name", EventName);
        json.WriteString("date", BusinessCalendar.Format(EventDate));
        json.WriteString("window", BusinessCalendar.Format(EventDate.AddDays(-7)) + ".." + BusinessCalendar.Format(EventDate.AddDays(2)));
        json.WriteNumber("volume_factor_on_day", 3.0);
        WriteStrings(json, "queries", World.EventQueries.Select(q => q.Replace("双11", EventName, StringComparison.Ordinal)));
        json.WriteEndObject();

        json.WriteStartObject("weekly_factors");
        foreach (var (day, factor) in new[] { ("mon", 0.94), ("tue", 0.93), ("wed", 0.95), ("thu", 0.97), ("fri", 1.05), ("sat", 1.22), ("sun", 1.18) })
        {
            json.WriteNumber(day, factor);
        }

        json.WriteEndObject();

        json.WriteStartObject("feeds");
        foreach (var feed in Feeds.All)
        {
            var t = _tallies[feed];
            json.WriteStartObject(feed);
            json.WriteNumber("files", t.Files);
            json.WriteNumber("rows", t.Rows);
            json.WriteNumber("good_rows", t.GoodRows);
            json.WriteNumber("bad_rows_total", t.BadTotal);
            json.WriteStartObject("bad_rows");
            foreach (var (reason, count) in t.BadRows)
            {
                json.WriteNumber(reason, count);
            }

            json.WriteEndObject();
            json.WriteNumber("duplicates_total", t.Duplicates);
            json.WriteNumber("duplicates_within_file", t.DuplicatesWithinFile);
            json.WriteNumber("duplicates_across_files", t.DuplicatesAcrossFiles);
            json.WriteNumber("traditional_rows", t.TraditionalRows);
            json.WriteNumber("full_width_rows", t.FullWidthRows);
            json.WriteNumber("html_rows", t.HtmlRows);
            if (feed == Feeds.Products)
            {
                json.WriteNumber("snapshot_rows", t.SnapshotRows);
            }

            json.WriteStartObject("formats");
            foreach (var (format, count) in t.Formats)
            {
                json.WriteNumber(format, count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();

        json.WriteStartArray("files_delivered_twice");
        foreach (var (feed, original, copy, rows) in _resent)
        {
            json.WriteStartObject();
            json.WriteString("feed", feed);
            json.WriteString("original", original);
            json.WriteString("copy", copy);
            json.WriteNumber("rows", rows);
            json.WriteString("expected", "skipped as already ingested (same content hash); its rows are not in the feed counts");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "gb18030_files", _gb18030Files);
        json.WriteString("accounting", "per feed: rows = good_rows + bad_rows_total + duplicates_total");
        json.WriteEndObject();
    }

    private void WriteTopic(Utf8JsonWriter json, Subject topic)
    {
        json.WriteStartObject();
        json.WriteString("id", topic.Id);
        json.WriteString("core_term", topic.Terms[0]);
        WriteStrings(json, "terms", topic.Terms);
        WriteStrings(json, "attributes", topic.Attributes);
        json.WriteString("category", topic.Category);
        json.WriteString("shape", "emerging-rising-peaking-declining");
        json.WriteString("stage_at_end", StageAtEnd(topic));
        json.WriteString("start", BusinessCalendar.Format(End.AddDays(topic.StartOffset)));
        json.WriteString("peak", BusinessCalendar.Format(End.AddDays(topic.PeakOffset)));
        json.WriteString("end", BusinessCalendar.Format(End.AddDays(topic.EndOffset)));
        json.WriteNumber("baseline_search_rows_per_day", topic.Baseline * _options.Scale);
        json.WriteNumber("peak_search_rows_per_day", (topic.Baseline + topic.Level) * _options.Scale);
        if (topic.Skew is { } skew)
        {
            json.WriteStartObject("segment_skew");
            json.WriteString("age_band", skew.AgeBand);
            json.WriteString("gender", skew.Gender);
            json.WriteString("city_tier", skew.CityTier);
            json.WriteNumber("share", skew.Share);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("segment_skew");
        }

        json.WriteNumber("supply_lag_days", topic.SupplyLagDays);
        json.WriteString("supply", topic.SupplyLagDays >= 14 ? "lagging" : "keeps_up");
        WriteInts(json, "daily_search_rows", _topicSearchRows[topic.Id]);
        WriteInts(json, "daily_new_listings", _topicListings[topic.Id]);
        json.WriteEndObject();
    }

    private string StageAtEnd(Subject topic) =>
        topic.StartOffset > -14 ? "emerging"
        : topic.PeakOffset >= 7 ? "rising"
        : topic.PeakOffset >= -6 ? "peaking"
        : "declining";

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteInts(Utf8JsonWriter json, string name, int[] values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
