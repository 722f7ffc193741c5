-- Supply gap: is the topic's demand served by product listings? Judged on growth (demand growth
-- against the growth of listings that mention the topic) and on level (listings per 1k demand against
-- the median of the top topics). The one opportunity score of the report (pipelines/README.md,
-- "supply_gap"); every format shows this column and no other figure as the opportunity.
-- In: topics, topic_daily, params.
CREATE OR REPLACE TABLE supply_gap AS
WITH top AS (
    SELECT t.* FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
listings AS (
    SELECT d.topic_id,
           coalesce(sum(d.product_listings) FILTER (WHERE d.day >= p.recent_start), 0) AS listings_recent,
           coalesce(sum(d.product_listings) FILTER (WHERE d.day < p.recent_start AND d.day >= p.baseline_start), 0) AS listings_baseline
    FROM topic_daily d, params p
    GROUP BY d.topic_id
),
g AS (
    SELECT top.topic_id, top.name,
           top.recent_total AS demand_recent,
           top.expected_recent AS demand_expected,
           top.growth_shrunk AS demand_growth,
           coalesce(l.listings_recent, 0)::BIGINT AS listings_recent,
           coalesce(l.listings_baseline, 0)::BIGINT AS listings_baseline,
           (coalesce(l.listings_recent, 0) + p.listing_prior)
               / (coalesce(l.listings_baseline, 0) * p.recent_days / p.baseline_days + p.listing_prior) AS supply_growth,
           1000.0 * coalesce(l.listings_recent, 0) / nullif(top.recent_total, 0) AS listings_per_1k_demand
    FROM top LEFT JOIN listings l ON l.topic_id = top.topic_id, params p
),
reference AS (
    -- the typical supply level of this analysis' rising topics
    SELECT coalesce(median(listings_per_1k_demand), 0) AS median_per_1k FROM g WHERE listings_per_1k_demand IS NOT NULL
),
gaps AS (
    SELECT g.*, r.median_per_1k AS median_listings_per_1k,
           r.median_per_1k * g.demand_recent / 1000.0 AS listings_expected,
           ln(g.demand_growth / g.supply_growth) AS growth_gap,
           -- listings short of the typical level (positive) or above it (negative), in log units
           ln((r.median_per_1k * g.demand_recent / 1000.0 + p.listing_prior) / (g.listings_recent + p.listing_prior)) AS level_gap,
           -- a small topic's figures rest on few events: the score fades below ~10 × k of demand
           1 - exp(-g.demand_recent / (10 * p.prior_strength)) AS confidence
    FROM g, reference r, params p
),
judged AS (
    SELECT gaps.*,
           gaps.demand_growth > 1
               AND gaps.growth_gap + gaps.level_gap > 0
               AND (gaps.growth_gap >= ln(p.gap_ratio) OR gaps.level_gap >= ln(p.gap_ratio)) AS gap
    FROM gaps, params p
)
SELECT topic_id, name, demand_recent, demand_expected, demand_growth, listings_recent, listings_baseline, supply_growth,
       listings_per_1k_demand, median_listings_per_1k, listings_expected, growth_gap, level_gap,
       CASE WHEN gap THEN round(100.0 * (growth_gap + level_gap) * confidence, 1) ELSE 0.0 END AS opportunity_score,
       gap,
       CASE
           WHEN NOT gap THEN NULL
           WHEN growth_gap >= ln(p.gap_ratio) AND level_gap >= ln(p.gap_ratio) THEN 'growth_and_level'
           WHEN growth_gap >= ln(p.gap_ratio) THEN 'growth'
           ELSE 'level'
       END AS gap_reason
FROM judged, params p;
