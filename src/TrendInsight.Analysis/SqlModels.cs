using TrendInsight.Core;
using TrendInsight.Core.Contract;

namespace TrendInsight.Analysis;

/// <summary>
/// The SQL models of <c>pipelines/sql/</c> (one model a file, numbered, run in name order) and the
/// loading statements of <c>pipelines/sql/load/</c>, read once at start-up.
/// </summary>
internal sealed class SqlModels
{
    private readonly Dictionary<string, string> _models;
    private readonly Dictionary<string, string> _loads;

    private SqlModels(string folder, Dictionary<string, string> models, Dictionary<string, string> loads)
    {
        Folder = folder;
        _models = models;
        _loads = loads;
    }

    /// <summary>The folder the models were read from.</summary>
    public string Folder { get; }

    /// <summary>Model names (file names without <c>.sql</c>) in run order.</summary>
    public IReadOnlyList<string> Names => [.. _models.Keys.Order(StringComparer.Ordinal)];

    public static SqlModels Load(string? folder = null)
    {
        folder ??= Path.Combine(AssetLocator.Pipelines, "sql");
        if (!Directory.Exists(folder))
        {
            throw new TrendInsightException($"SQL model folder not found: {folder}");
        }

        var models = Read(folder);
        var loadFolder = Path.Combine(folder, "load");
        var loads = Directory.Exists(loadFolder) ? Read(loadFolder) : [];
        return new SqlModels(folder, models, loads);
    }

    /// <summary>The text of a numbered model, e.g. <c>120_scores</c>.</summary>
    public string Model(string name) => _models.TryGetValue(name, out var sql)
        ? sql
        : throw new TrendInsightException($"SQL model {name}.sql not found in {Folder}");

    /// <summary>
    /// The working tables of an analysis run (<c>000_tables</c>), then the landing contract's macro and tables
    /// (<see cref="ContractSql"/>) and the <c>doc_sets</c> columns of its segment values, which the models read.
    /// </summary>
    public string Tables() => Model("000_tables") + "\n" + ContractSql.Script() + DocSetRollup.SegmentColumnsDdl();

    /// <summary>The text of a loading statement, e.g. <c>terms_cand</c>.</summary>
    public string LoadStatement(string name) => _loads.TryGetValue(name, out var sql)
        ? sql
        : throw new TrendInsightException($"SQL statement {name}.sql not found in {Path.Combine(Folder, "load")}");

    /// <summary>Names of the models whose number lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IEnumerable<string> Range(int from, int to) =>
        Names.Where(n =>
        {
            var underscore = n.IndexOf('_', StringComparison.Ordinal);
            return underscore > 0
                && int.TryParse(n.AsSpan(0, underscore), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && number >= from && number < to;
        });

    private static Dictionary<string, string> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*.sql", SearchOption.TopDirectoryOnly)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);
}
