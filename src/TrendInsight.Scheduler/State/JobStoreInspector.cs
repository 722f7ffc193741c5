using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TrendInsight.Core;
using TrendInsight.Scheduler.Hosting;

namespace TrendInsight.Scheduler.State;

/// <summary>
/// Reads the triggers straight from the job store's tables, without starting a scheduler (which would
/// take part in misfire handling or, clustered, in the cluster). For <c>status</c> and tests.
/// </summary>
public static class JobStoreInspector
{
    /// <summary>The triggers of <paramref name="settings"/>' scheduler; empty when the store does not exist yet.</summary>
    public static async Task<IReadOnlyList<TriggerInfo>> TriggersAsync(SchedulerSettings settings, CancellationToken cancellationToken)
    {
        DbConnection conn;
        if (settings.Clustered)
        {
            conn = new NpgsqlConnection(settings.PostgresConnection);
        }
        else
        {
            if (!File.Exists(settings.SqliteFile))
            {
                return [];
            }

            conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.SqliteFile, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30 }.ToString());
        }

        await using (conn.ConfigureAwait(false))
        {
            try
            {
                await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = SqlResources.Get("next_fire_times");
                var p = cmd.CreateParameter();
                p.ParameterName = "sched";
                p.Value = settings.SchedulerName;
                cmd.Parameters.Add(p);
                var list = new List<TriggerInfo>();
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new TriggerInfo(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.IsDBNull(3) ? null : FromTicks(reader.GetInt64(3)),
                        reader.IsDBNull(4) ? null : FromTicks(reader.GetInt64(4)),
                        reader.IsDBNull(5) ? null : reader.GetString(5)));
                }

                return list;
            }
            catch (DbException ex) when (ex.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase)
                                         || ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
            {
                return [];
            }
            catch (DbException ex)
            {
                throw new TrendInsightException($"job store ({settings.Store}): cannot read triggers: {ex.Message}", isTransient: true, inner: ex);
            }
        }
    }

    private static DateTimeOffset? FromTicks(long ticks) => ticks <= 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
