using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrendInsight.DuckDb;
using TrendInsight.Reports.Rendering;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// On a small simulated world analysed for two report dates a week apart, the HTML, XLSX and Markdown
/// report agree with the marts on every figure they share: rank, topic, counts, opportunity score, gap,
/// leading segments, movement and weeks on the list.
/// </summary>
[Collection(SimulatedWorldCollection.Name)]
public sealed class ReportConsistencyTests
{
    private const string End = "2026-11-20";
    private const string Previous = "2026-11-13";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly World world;

    public ReportConsistencyTests(World world)
    {
        this.world = world;
    }

    [Fact]
    public void Markdown_RisingTable_AgreesWithTheMarts()
    {
        var md = File.ReadAllText(Path.Combine(world.Reports, "trend-report.md"));
        var start = md.IndexOf("## 上升话题榜", StringComparison.Ordinal);
        var table = md[start..md.IndexOf("\n#", start + 1, StringComparison.Ordinal)];
        var rows = Regex.Matches(table, @"^\| (\d+) \| ([^|]+) \| ([^|]+) \| ((?:\\\||[^|])+) \|(.*)\|$", RegexOptions.Multiline)
            .Select(m => (Rank: int.Parse(m.Groups[1].Value, Inv), Movement: m.Groups[2].Value, Weeks: m.Groups[3].Value,
                Topic: Regex.Replace(m.Groups[4].Value, @"\\(.)", "$1"), Cells: m.Groups[5].Value.Split('|').Select(c => c.Trim()).ToArray()))
            .ToList();

        Assert.True(world.Topics.Count >= 3, $"{world.Topics.Count} ranked topics");
        Assert.Equal(world.Topics.Count, rows.Count);
        foreach (var (row, t) in rows.Zip(world.Topics))
        {
            Assert.Equal(t.Rank, row.Rank);
            Assert.Equal(t.Name, row.Topic);
            Assert.Equal(world.MovementText(t.TopicId), row.Movement);
            Assert.Equal(world.WeeksText(t.TopicId), row.Weeks);
            // 阶段 增长 z 指数 提及 搜索 内容 评论 互动 机会分 C2M 领先人群
            Assert.Equal(Count(t.Search + t.Content + t.Comment), row.Cells[4]);
            Assert.Equal(Count(t.Search), row.Cells[5]);
            Assert.Equal(Count(t.Content), row.Cells[6]);
            Assert.Equal(Count(t.Comment), row.Cells[7]);
            Assert.Equal(world.OpportunityText(t.TopicId), row.Cells[9]);
            Assert.Equal(world.LeadText(t.TopicId), row.Cells[11]);
        }
    }

    [Fact]
    public void Xlsx_TopicsAndSegments_AgreeWithTheMarts()
    {
        using var doc = SpreadsheetDocument.Open(Path.Combine(world.Reports, "trend-report.xlsx"), false);
        var topics = Sheet(doc, "topics").Where(r => r["降温 declining"] == "否").ToList();

        Assert.Equal(world.Topics.Count, topics.Count);
        foreach (var (row, t) in topics.Zip(world.Topics))
        {
            Assert.Equal(t.Rank.ToString(Inv), row["排名 rank"]);
            Assert.Equal(t.Name, row["话题 topic"]);
            Assert.Equal((t.Search + t.Content + t.Comment).ToString(Inv), row["近期提及 mentions"]);
            Assert.Equal(t.Search.ToString(Inv), row["搜索 searches"]);
            var gap = world.Supply.GetValueOrDefault(t.TopicId);
            if (gap is null)
            {
                Assert.False(row.ContainsKey("机会分 opportunity_score"));
            }
            else
            {
                Assert.Equal(gap.Value.Opportunity, double.Parse(row["机会分 opportunity_score"], Inv), 4);
                Assert.Equal(gap.Value.Gap ? "是" : "否", row["供给缺口 gap"]);
            }

            var move = world.Movement.GetValueOrDefault(t.TopicId);
            Assert.Equal(move?.Change?.ToString(Inv), row.GetValueOrDefault("排名变化 rank_change"));
            Assert.Equal(move?.Weeks?.ToString(Inv), row.GetValueOrDefault("上榜周数 weeks_on_list"));
            Assert.Equal(world.LeadText(t.TopicId), row["领先人群 leading_segments"]);
        }

        var segments = Sheet(doc, "segments");
        Assert.NotEmpty(segments);
        foreach (var s in segments)
        {
            var topicId = world.Topics.Single(t => t.Name == s["话题 topic"]).TopicId;
            var leads = world.Segments.Single(x => x.TopicId == topicId && x.Dimension == s["dimension"] && x.Value == s["segment"]).Leads;
            Assert.Equal(leads ? "是" : "否", s["领先 leading"]);
        }
    }

    [Fact]
    public void Html_TableAndCards_AgreeWithTheMarts()
    {
        var html = File.ReadAllText(Path.Combine(world.Reports, "trend-report.html"));
        var table = Regex.Match(html, "<table id=\"rising-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(table, "<tr><td class=\"num\">(\\d+)</td><td class=\"move [a-z]+\">([^<]+)<div class=\"sub\">([^<]+)</div></td><td class=\"topic\"><a [^>]+>([^<]+)</a>")
            .Select(m => (Rank: int.Parse(m.Groups[1].Value, Inv), Movement: m.Groups[2].Value, Weeks: m.Groups[3].Value, Topic: System.Net.WebUtility.HtmlDecode(m.Groups[4].Value)))
            .ToList();

        Assert.Equal(world.Topics.Select(t => (t.Rank, world.MovementText(t.TopicId), world.WeeksText(t.TopicId), t.Name)), rows);
        foreach (var t in world.Topics)
        {
            var card = Regex.Match(html, $"<article class=\"card topic\" id=\"topic-{t.Rank}\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;
            if (world.Supply.GetValueOrDefault(t.TopicId) is { } gap)
            {
                var box = gap.Gap ? "<div class=\"gap\">供给缺口 · 机会分 <b>" : "<div class=\"supply\">供给跟得上需求 · 机会分 <b>";
                Assert.Contains(box + world.OpportunityText(t.TopicId) + "</b>", card, StringComparison.Ordinal);
            }

            foreach (var dimension in new[] { "age_band", "gender", "city_tier" })
            {
                var lead = world.Segments.Where(s => s.TopicId == t.TopicId && s.Dimension == dimension && s.Leads).MaxBy(s => s.Tgi);
                var known = world.Segments.Any(s => s.TopicId == t.TopicId && s.Dimension == dimension);
                if (lead is not null)
                {
                    Assert.Contains($"领先人群：<b>{ReportText.Segment(dimension, lead.Value)}</b>（TGI {lead.Tgi.ToString("0", Inv)}", card, StringComparison.Ordinal);
                }
                else if (known)
                {
                    Assert.Contains("无明显领先人群", card, StringComparison.Ordinal);
                }
            }
        }

        Assert.DoesNotContain("需求比供给多涨", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Movement_SecondReport_HasAPreviousReportToCompareWith()
    {
        Assert.All(world.Topics, t => Assert.NotEqual("—", world.MovementText(t.TopicId)));
        Assert.Contains(world.Movement.Values, m => m.IsNew == false);
    }

    private static string Count(long value) => value.ToString("N0", Inv);

    private static List<Dictionary<string, string>> Sheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        return rows.Skip(1)
            .Select(r => r.Elements<Cell>().ToDictionary(c => header[Column(c.CellReference!.Value!)], Text))
            .ToList();
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    private static int Column(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>Simulates 60 days, runs the pipeline for the previous and the current report date, and reads the marts.</summary>
    public sealed class World : IDisposable
    {
        private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-consistency-").FullName;

        public World()
        {
            var landing = Path.Combine(data, "landing");
            Check(CliProcess.Run(null, "--data", data, "simulate", "--days", "60", "--end", End, "--seed", "7", "--scale", "0.05", "--out", landing));
            // run exits 3 when its ingest quarantined rows, which the simulator plants.
            Check(CliProcess.Run(null, "--data", data, "run", "--date", Previous), 3);
            Check(CliProcess.Run(null, "--data", data, "run", "--date", End), 3);
            Reports = Path.Combine(data, "reports", End);

            using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
            using var conn = db.Connect();
            Topics = conn.Query(
                "SELECT topic_id, name, CAST(rank AS INTEGER), CAST(recent_search AS BIGINT), CAST(recent_content AS BIGINT), CAST(recent_comment AS BIGINT) "
                + "FROM read_parquet($files) WHERE rank IS NOT NULL AND rank <= 10 ORDER BY rank",
                r => new TopicRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), ("files", Mart("topics")));
            Supply = conn.Query("SELECT topic_id, CAST(opportunity_score AS DOUBLE), gap FROM read_parquet($files)",
                r => (r.GetString(0), (Opportunity: r.GetDouble(1), Gap: r.GetBoolean(2))), ("files", Mart("supply_gap")))
                .ToDictionary(x => x.Item1, x => ((double Opportunity, bool Gap)?)x.Item2, StringComparer.Ordinal);
            Segments = conn.Query("SELECT topic_id, dimension, value, tgi, leads FROM read_parquet($files)",
                r => new SegmentRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetNumber(3), r.GetBoolean(4)), ("files", Mart("topic_segments")));
            Movement = conn.Query(
                "SELECT topic_id, CAST(rank_change AS INTEGER), is_new, CAST(weeks_on_list AS INTEGER) FROM read_parquet($files)",
                r => (r.GetString(0), new MovementRow(r.IsNull(1) ? null : r.GetInt32(1), r.IsNull(2) ? null : r.GetBoolean(2), r.IsNull(3) ? null : r.GetInt32(3))),
                ("files", Mart("topic_movement"))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        }

        /// <summary>The data folder of the simulated world (warehouse, lake, reports).</summary>
        public string Data => data;

        public string Reports { get; }

        public IReadOnlyList<TopicRow> Topics { get; }

        public Dictionary<string, (double Opportunity, bool Gap)?> Supply { get; }

        public IReadOnlyList<SegmentRow> Segments { get; }

        public Dictionary<string, MovementRow> Movement { get; }

        public string MovementText(string topicId) => Movement.GetValueOrDefault(topicId) switch
        {
            { IsNew: true } => "新上榜",
            { Change: > 0 and var up } => "↑" + up.ToString(Inv),
            { Change: < 0 and var down } => "↓" + (-down).ToString(Inv),
            { Change: 0 } => "持平",
            _ => "—",
        };

        public string WeeksText(string topicId) =>
            Movement.GetValueOrDefault(topicId)?.Weeks is { } w ? w.ToString(Inv) + " 周" : "—";

        public string OpportunityText(string topicId) =>
            Supply.GetValueOrDefault(topicId) is { } s ? s.Opportunity.ToString("0.0", Inv) : "—";

        /// <summary>The leading segments as the report summarises them, from the mart's <c>leads</c> flags.</summary>
        public string LeadText(string topicId)
        {
            var leads = new[] { "age_band", "gender", "city_tier" }
                .Select(d => Segments.Where(s => s.TopicId == topicId && s.Dimension == d && s.Leads).MaxBy(s => s.Tgi))
                .Where(s => s is not null)
                .Select(s => $"{ReportText.Segment(s!.Dimension, s.Value)} {s.Tgi.ToString("0", Inv)}")
                .ToList();
            return leads.Count == 0 ? "无明显领先人群" : string.Join(" / ", leads);
        }

        public void Dispose() => Directory.Delete(data, recursive: true);

        private string[] Mart(string name) =>
            [.. Directory.EnumerateFiles(Path.Combine(data, "lake", "marts", name, "dt=" + End), "*.parquet")];

        private static void Check(CliResult result, int alsoFine = 0) => Assert.True(result.ExitCode == 0 || result.ExitCode == alsoFine, result.ToString());
    }

    public sealed record TopicRow(string TopicId, string Name, int Rank, long Search, long Content, long Comment);

    public sealed record SegmentRow(string TopicId, string Dimension, string Value, double Tgi, bool Leads);

    public sealed record MovementRow(int? Change, bool? IsNew, int? Weeks);
}
