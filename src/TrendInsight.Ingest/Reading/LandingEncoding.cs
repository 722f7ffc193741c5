namespace TrendInsight.Ingest.Reading;

/// <summary>The text encoding a landing file is read with.</summary>
internal enum LandingEncoding
{
    /// <summary>UTF-8, with or without BOM.</summary>
    Utf8,

    /// <summary>GB18030 (a superset of GBK/GB2312): Excel exports from Chinese systems.</summary>
    Gb18030,
}
