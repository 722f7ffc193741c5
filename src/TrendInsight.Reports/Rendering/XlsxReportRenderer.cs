using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Rendering;

/// <summary>
/// Renders the report as a workbook a merchandiser filters and pivots: sheets topics, terms,
/// attributes, segments, evidence and quality; numbers as typed numeric cells, the header row frozen
/// with an auto-filter, column widths set.
/// </summary>
public sealed class XlsxReportRenderer : IReportRenderer
{
    private const uint StyleText = 0;
    private const uint StyleHeader = 1;
    private const uint StyleDecimal = 2;
    private const uint StyleInteger = 3;
    private const uint StyleDate = 4;

    /// <inheritdoc />
    public string Format => "xlsx";

    /// <inheritdoc />
    public string FileExtension => ".xlsx";

    /// <inheritdoc />
    public void Render(TrendReport report, Stream output)
    {
        // The package needs a seekable stream; buffer, then copy.
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in SheetsOf(report))
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet.Build();
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }

            workbookPart.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static IEnumerable<SheetBuilder> SheetsOf(TrendReport r)
    {
        var topics = new SheetBuilder("topics",
        [
            ("排名 rank", 8), ("话题 topic", 18), ("阶段 lifecycle", 12), ("增长% growth_pct", 14), ("显著性 z", 11),
            ("兴趣指数 index", 14), ("近期提及 mentions", 15), ("基线提及 baseline", 15), ("搜索 searches", 13),
            ("内容提及 content", 13), ("评论提及 comments", 14), ("互动 engagements", 14), ("GMV", 14),
            ("商品数 listings", 13), ("商品增长% supply_growth_pct", 16), ("每千需求在售 listings_per_1k_demand", 16),
            ("机会分 opportunity_score", 14), ("供给缺口 gap", 10), ("降温 declining", 10),
            ("预测回测误差 forecast_mape", 16), ("预测区间覆盖 forecast_coverage", 16), ("预测可用 forecast_informative", 14),
            ("上期排名 previous_rank", 12), ("排名变化 rank_change", 12), ("新上榜 is_new", 10), ("上榜周数 weeks_on_list", 12),
            ("领先人群 leading_segments", 24),
        ]);
        foreach (var (t, declining) in r.Topics.Select(t => (t, false)).Concat(r.Declining.Select(t => (t, true))))
        {
            topics.Row(
                Cell.Int(t.Rank), Cell.Text(t.Topic), Cell.Text(ReportText.Lifecycle(t.Lifecycle)), Cell.Num(t.GrowthPct), Cell.Num(t.Significance),
                Cell.Num(t.InterestIndex), Cell.Int(t.Counts.Mentions), Cell.Int(t.BaselineMentions), Cell.Int(t.Counts.Searches),
                Cell.Int(t.Counts.ContentMentions), Cell.Int(t.Counts.CommentMentions), Cell.Int(t.Counts.Engagements), Cell.Num((double)t.Counts.Gmv),
                t.Supply is null ? Cell.Empty : Cell.Int(t.Supply.Listings), Cell.Num(t.Supply?.SupplyGrowthPct), Cell.Num(t.Supply?.ListingsPer1kDemand),
                Cell.Num(t.Supply?.Opportunity), Cell.Text(t.Supply is null ? null : t.Supply.IsGap ? "是" : "否"),
                Cell.Text(declining ? "是" : "否"), Cell.Num(t.ForecastError), Cell.Num(t.ForecastCoverage),
                Cell.Text(t.Forecast.Count == 0 ? null : t.ForecastInformative ? "是" : "否"),
                t.Movement?.PreviousRank is { } pr ? Cell.Int(pr) : Cell.Empty, t.Movement?.RankChange is { } rc ? Cell.Int(rc) : Cell.Empty,
                Cell.Text(t.Movement?.IsNew is { } isNew ? (isNew ? "是" : "否") : null),
                t.Movement?.WeeksOnList is { } w ? Cell.Int(w) : Cell.Empty,
                Cell.Text(declining ? null : ReportText.LeadingSummary(t)));
        }

        yield return topics;

        var terms = new SheetBuilder("terms",
        [
            ("词 term", 18), ("话题 topic", 16), ("类型 type", 10), ("阶段 lifecycle", 12), ("近期提及 recent_mentions", 14), ("近期指数 recent_index", 14), ("基线指数 baseline_index", 14),
            ("增长% growth_pct", 14), ("显著性 z", 11), ("得分 score", 11), ("爆发 breakout", 10),
        ]);
        var termRows = r.Terms.Count > 0 ? r.Terms : r.Breakouts;
        foreach (var t in termRows)
        {
            terms.Row(Cell.Text(t.Term), Cell.Text(t.Topic), Cell.Text(t.Type is null ? null : ReportText.AttributeType(t.Type)),
                Cell.Text(ReportText.Lifecycle(t.Lifecycle)), Cell.Int(t.Recent), Cell.Num(t.RecentIndex), Cell.Num(t.BaselineIndex), Cell.Num(t.GrowthPct),
                Cell.Num(t.Significance), Cell.Num(t.Score), Cell.Text(t.IsBreakout ? "是" : "否"));
        }

        foreach (var w in r.NewWords)
        {
            terms.Row(Cell.Text(w.Word), Cell.Empty, Cell.Text("新词"), Cell.Text(ReportText.Lifecycle(TopicLifecycle.Emerging)),
                Cell.Int(w.Frequency), Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, Cell.Text("否"));
        }

        yield return terms;

        var attributes = new SheetBuilder("attributes",
            [("话题 topic", 18), ("类型 type", 10), ("type", 10), ("属性 attribute", 16), ("共现 count", 12), ("提升度 lift", 12)]);
        foreach (var t in r.Topics)
        {
            foreach (var a in t.Attributes)
            {
                attributes.Row(Cell.Text(t.Topic), Cell.Text(ReportText.AttributeType(a.Type)), Cell.Text(a.Type), Cell.Text(a.Term),
                    Cell.Int(a.Count), Cell.Num(a.Lift));
            }
        }

        yield return attributes;

        var segments = new SheetBuilder("segments",
        [
            ("话题 topic", 18), ("维度 dimension", 12), ("dimension", 11), ("人群 segment", 12), ("segment", 10), ("人数 count", 12),
            ("占比 share", 11), ("TGI", 9), ("z", 9), ("领先 leading", 10),
        ]);
        foreach (var t in r.Topics)
        {
            foreach (var dim in t.Segments.Select(s => s.Dimension).Distinct(StringComparer.Ordinal))
            {
                foreach (var s in t.Segments.Where(s => s.Dimension == dim).OrderBy(s => ReportText.SegmentOrder(dim, s.Segment)))
                {
                    segments.Row(Cell.Text(t.Topic), Cell.Text(ReportText.Dimension(dim)), Cell.Text(dim), Cell.Text(ReportText.Segment(dim, s.Segment)),
                        Cell.Text(s.Segment), Cell.Int(s.Count), Cell.Num(s.Share), Cell.Num(s.Tgi), Cell.Num(s.Z), Cell.Text(s.Leads ? "是" : "否"));
                }
            }
        }

        yield return segments;

        var evidence = new SheetBuilder("evidence",
            [("话题 topic", 16), ("类型 kind", 10), ("内容 text", 70), ("点赞/互动 likes", 14), ("日期 date", 12), ("内容ID content_id", 18), ("平台 platform", 10)]);
        foreach (var t in r.Topics)
        {
            foreach (var e in t.Evidence)
            {
                evidence.Row(Cell.Text(t.Topic), Cell.Text("评论"), Cell.Text(e.Text), Cell.Int(e.Likes), e.Date is { } d ? Cell.Date(d) : Cell.Empty, Cell.Text(e.ContentId), Cell.Empty);
            }

            foreach (var c in t.TopContent)
            {
                evidence.Row(Cell.Text(t.Topic), Cell.Text("内容"), Cell.Text(c.Title), Cell.Int(c.Engagements), Cell.Empty, Cell.Text(c.ContentId), Cell.Text(c.Platform));
            }
        }

        yield return evidence;

        var quality = new SheetBuilder("quality",
            [("数据源 feed", 12), ("feed", 12), ("本期入湖 period_rows", 16), ("本期隔离 period_quarantined", 18), ("文件 files", 10), ("读取 rows_read", 14), ("接受 accepted", 14), ("隔离 quarantined", 14), ("重复 duplicates", 14)]);
        foreach (var q in r.DataQuality)
        {
            quality.Row(Cell.Text(ReportText.Feed(q.Feed)), Cell.Text(q.Feed), q.PeriodRows is { } pr ? Cell.Int(pr) : Cell.Empty,
                q.PeriodQuarantined is { } pq ? Cell.Int(pq) : Cell.Empty, Cell.Int(q.Files), Cell.Int(q.RowsRead), Cell.Int(q.Accepted),
                Cell.Int(q.Quarantined), Cell.Int(q.Duplicates));
        }

        yield return quality;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Microsoft YaHei" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Microsoft YaHei" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEEF1F5" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 5 });

    private readonly record struct Cell(CellValues? Type, string? Value, uint Style)
    {
        public static Cell Empty => default;

        public static Cell Text(string? text) => text is null ? Empty : new(CellValues.InlineString, Clean(text), StyleText);

        public static Cell Int(long value) => new(CellValues.Number, value.ToString(CultureInfo.InvariantCulture), StyleInteger);

        public static Cell Num(double? value) => value is { } v && !double.IsNaN(v) && !double.IsInfinity(v)
            ? new(CellValues.Number, Math.Round(v, 4).ToString("R", CultureInfo.InvariantCulture), StyleDecimal)
            : Empty;

        public static Cell Date(DateOnly date) =>
            new(CellValues.Number, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), StyleDate);

        // XML 1.0 cannot hold most control characters; Excel's own cell limit is 32,767 characters.
        private static string Clean(string text)
        {
            var chars = text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray();
            var clean = new string(chars);
            return clean.Length > 32_000 ? clean[..32_000] : clean;
        }
    }

    private sealed class SheetBuilder(string name, (string Header, double Width)[] columns)
    {
        private readonly List<Cell[]> rows = [];

        public string Name => name;

        public void Row(params Cell[] cells) => rows.Add(cells);

        public Worksheet Build()
        {
            var cols = new Columns();
            for (var i = 0; i < columns.Length; i++)
            {
                cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width, CustomWidth = true });
            }

            var data = new SheetData();
            data.Append(BuildRow(1, columns.Select(c => new Cell(CellValues.InlineString, c.Header, StyleHeader)).ToArray()));
            for (var i = 0; i < rows.Count; i++)
            {
                data.Append(BuildRow((uint)(i + 2), rows[i]));
            }

            var lastColumn = ColumnName(columns.Length - 1);
            var view = new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = Name == "topics" };
            var worksheet = new Worksheet(new SheetViews(view), new SheetFormatProperties { DefaultRowHeight = 16 }, cols, data);
            worksheet.Append(new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, rows.Count + 1).ToString(CultureInfo.InvariantCulture)}" });
            return worksheet;
        }

        private static Row BuildRow(uint index, Cell[] cells)
        {
            var row = new Row { RowIndex = index };
            for (var i = 0; i < cells.Length; i++)
            {
                var c = cells[i];
                if (c.Type is null)
                {
                    continue;
                }

                var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
                var cell = new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference, StyleIndex = c.Style };
                if (c.Type == CellValues.InlineString)
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c.Value ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve });
                }
                else
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(c.Value ?? "0");
                }

                row.Append(cell);
            }

            return row;
        }

        private static string ColumnName(int index)
        {
            var name = string.Empty;
            for (var n = index + 1; n > 0; n = (n - 1) / 26)
            {
                name = (char)('A' + ((n - 1) % 26)) + name;
            }

            return name;
        }
    }
}
