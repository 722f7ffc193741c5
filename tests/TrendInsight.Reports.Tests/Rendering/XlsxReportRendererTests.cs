using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrendInsight.Reports.Rendering;
using TrendInsight.Reports.Tests.TestData;

namespace TrendInsight.Reports.Tests.Rendering;

public sealed class XlsxReportRendererTests
{
    [Fact]
    public void Render_FullReport_HasTheSheetsWithFrozenHeaders()
    {
        using var doc = Open(SampleReports.Full());
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();

        Assert.Equal(["topics", "terms", "attributes", "segments", "evidence", "quality"], names);
        foreach (var name in names)
        {
            var sheet = Worksheet(doc, name!);
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.NotEmpty(sheet.Descendants<Column>());
            Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 8));
            Assert.NotNull(sheet.Descendants<AutoFilter>().SingleOrDefault());
        }
    }

    [Fact]
    public void Render_TopicsSheet_HasHeadersAndTypedNumbers()
    {
        using var doc = Open(SampleReports.Full());
        var rows = Worksheet(doc, "topics").Descendants<Row>().ToList();

        Assert.Equal(["排名 rank", "话题 topic", "阶段 lifecycle", "增长% growth_pct"], rows[0].Elements<Cell>().Take(4).Select(Text));
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, first[0].DataType!.Value);
        Assert.Equal("1", first[0].CellValue!.Text);
        Assert.Equal("露营", Text(first[1]));
        Assert.Equal(CellValues.Number, first[3].DataType!.Value);
        Assert.Equal(142.5, double.Parse(first[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("52310", first[6].CellValue!.Text);

        // Six rising and two declining topics.
        Assert.Equal(1 + 6 + 2, rows.Count);
    }

    [Fact]
    public void Render_EvidenceSheet_KeepsUserTextVerbatim()
    {
        using var doc = Open(SampleReports.Full());
        var texts = Worksheet(doc, "evidence").Descendants<Cell>().Select(Text).ToList();

        Assert.Contains(SampleReports.ScriptComment, texts);
        Assert.Contains("周末去露营🏕️，天幕真的絕了！求同款連結", texts);
    }

    [Fact]
    public void Render_SegmentsSheet_MarksTheLeadingSegment()
    {
        using var doc = Open(SampleReports.Full());
        var rows = Rows(doc, "segments").Where(r => r["话题 topic"] == "露营" && r["dimension"] == "age_band").ToList();

        var lead = Assert.Single(rows, r => r["领先 leading"] == "是");
        Assert.Equal("18-23", lead["segment"]);
        Assert.Equal("182", lead["TGI"]);
    }

    [Fact]
    public void Render_SegmentsSheet_NoLeadWhereTheMartSaysNone()
    {
        using var doc = Open(SampleReports.Full());
        var gender = Rows(doc, "segments").Where(r => r["话题 topic"] == "露营" && r["dimension"] == "gender").ToList();

        // women have the highest TGI (138) but the mart does not say they lead
        Assert.Equal(2, gender.Count);
        Assert.All(gender, r => Assert.Equal("否", r["领先 leading"]));
    }

    [Fact]
    public void Render_TopicsSheet_CarriesOpportunityAndMovement()
    {
        using var doc = Open(SampleReports.Full());
        var first = Rows(doc, "topics")[0];

        Assert.Equal("64.3", first["机会分 opportunity_score"]);
        Assert.Equal("是", first["供给缺口 gap"]);
        Assert.Equal("2", first["排名变化 rank_change"]);
        Assert.Equal("4", first["上榜周数 weeks_on_list"]);
        Assert.Equal("18-23岁 182 / 新一线 146", first["领先人群 leading_segments"]);
    }

    /// <summary>The rows of a sheet as header → cell text (empty cells absent).</summary>
    private static List<Dictionary<string, string>> Rows(SpreadsheetDocument doc, string sheet)
    {
        var rows = Worksheet(doc, sheet).Descendants<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        return rows.Skip(1)
            .Select(r => r.Elements<Cell>().ToDictionary(c => header[ColumnIndex(c.CellReference!.Value!)], c => c.CellValue?.Text ?? Text(c)))
            .ToList();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }

    [Fact]
    public void Render_FullReport_IsValidOpenXml()
    {
        using var doc = Open(SampleReports.Full());

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Render_EmptyPeriod_StillWritesEverySheetWithHeaders()
    {
        using var doc = Open(SampleReports.Empty());

        Assert.Equal(6, doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Count());
        Assert.Single(Worksheet(doc, "topics").Descendants<Row>());
    }

    private static SpreadsheetDocument Open(Model.TrendReport report)
    {
        var stream = new MemoryStream();
        new XlsxReportRenderer().Render(report, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static Worksheet Worksheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
