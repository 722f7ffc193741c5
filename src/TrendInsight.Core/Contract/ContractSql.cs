using System.Globalization;
using System.Text;

namespace TrendInsight.Core.Contract;

/// <summary>
/// The landing contract as DuckDB objects, created before the SQL models run: the <c>engagement_units</c> macro,
/// the <c>contract_segments</c> table (dimension, value, <c>doc_sets</c> column, position, label; the unknown column of
/// each dimension last, with the value <c>unknown</c>) and the <c>contract_actions</c> table (action, measure). The
/// models read these instead of spelling out values or the formula. Generated from the fixed definition in
/// <see cref="LandingContract"/>, never from input.
/// </summary>
public static class ContractSql
{
    /// <summary>The statements, in order; each is complete and separated by <c>;</c>.</summary>
    public static string Script()
    {
        var sql = new StringBuilder();
        sql.Append("CREATE OR REPLACE MACRO engagement_units(")
            .AppendJoin(", ", LandingContract.EngagementMeasures.Select(m => m.Name))
            .Append(") AS ").Append(EngagementUnitsExpression(m => m)).AppendLine(";");

        sql.AppendLine("CREATE OR REPLACE TABLE contract_segments (dimension VARCHAR, value VARCHAR, column_name VARCHAR, position INTEGER, label VARCHAR);");
        var rows = new List<string>();
        foreach (var d in LandingContract.Segments)
        {
            var position = 0;
            foreach (var v in d.Values)
            {
                rows.Add(Row(d.Field, v.Value, v.Column, position++, v.Label));
            }

            rows.Add(Row(d.Field, LandingContract.Unknown, d.UnknownColumn, position, LandingContract.UnknownLabel));
        }

        sql.Append("INSERT INTO contract_segments VALUES ").AppendJoin(", ", rows).AppendLine(";");
        sql.AppendLine("CREATE OR REPLACE TABLE contract_actions (action VARCHAR, measure VARCHAR);");
        sql.Append("INSERT INTO contract_actions VALUES ")
            .AppendJoin(", ", LandingContract.Actions.Select(a => $"({Literal(a.Value)}, {(a.Measure is null ? "NULL" : Literal(a.Measure))})"))
            .AppendLine(";");
        return sql.ToString();
    }

    /// <summary>
    /// The engagement-units formula over the measures named by <paramref name="column"/>, e.g.
    /// <c>plays / 100.0 + likes + 3.0 * shares + 10.0 * purchases</c>.
    /// </summary>
    public static string EngagementUnitsExpression(Func<string, string> column) =>
        string.Join(" + ", LandingContract.EngagementMeasures.Select(m =>
            m.PerUnit > 1 ? string.Create(CultureInfo.InvariantCulture, $"{column(m.Name)} / {m.PerUnit}.0")
            : m.Weight == 1 ? column(m.Name)
            : string.Create(CultureInfo.InvariantCulture, $"{m.Weight}.0 * {column(m.Name)}")));

    private static string Row(string dimension, string value, string column, int position, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"({Literal(dimension)}, {Literal(value)}, {Literal(column)}, {position}, {Literal(label)})");

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
