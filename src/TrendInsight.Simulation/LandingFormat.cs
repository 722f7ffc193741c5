namespace TrendInsight.Simulation;

/// <summary>How one landing file is written.</summary>
internal enum LandingFormat
{
    Jsonl,
    JsonlGz,
    Csv,
    CsvBom,
    CsvGb18030,
    Parquet,
}
