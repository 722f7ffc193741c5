namespace TrendInsight.Ingest.Reading;

/// <summary>A columnar landing file whose columns do not meet the contract (a required one missing, one of a type no contract value has).</summary>
internal sealed class LandingSchemaException(string message) : Exception(message);
