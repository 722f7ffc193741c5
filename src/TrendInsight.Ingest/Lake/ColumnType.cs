namespace TrendInsight.Ingest.Lake;

/// <summary>The lake column types ingest writes.</summary>
internal enum ColumnType
{
    Text,
    Timestamp,
    Int64,
    Decimal,
    TextList,
}
