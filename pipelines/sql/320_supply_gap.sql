-- Supply gap: is the topic's demand served by product listings? Judged on growth (demand growth
-- against the growth of listings that mention the topic) and on level (listings per 1k searches against
-- the median of the top topics). Level is judged on search queries, not on talk: a listing answers a
-- shopper's query, while reviews and comments pile up on some kinds of topic (露营 gear gets many
-- 测评 posts) and would make them look under-supplied. It is read over twice the recent window, as a
-- small lake sells only a few items a week. The one opportunity score of the report (pipelines/README.md,
-- "supply_gap"); every format shows this column and no other figure as the opportunity; supply_pressure
-- is the same figure without the gap test (negative where supply runs ahead), for ordering topics.
-- Listings that grow faster than demand are sellers catching up: they do not cancel a shortfall that is
-- still there at the level, so only demand outgrowing listings adds to the gap (pressure = level gap +
-- the growth gap where positive).
-- In: topics, topic_daily, params.
CREATE OR REPLACE TABLE supply_gap AS
WITH top AS (
    SELECT t.* FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
listings AS (
    SELECT d.topic_id,
           coalesce(sum(d.product_listings) FILTER (WHERE d.day >= p.recent_start), 0) AS listings_recent,
           coalesce(sum(d.product_listings) FILTER (WHERE d.day < p.recent_start AND d.day >= p.baseline_start), 0) AS listings_baseline,
           coalesce(sum(d.product_listings) FILTER (WHERE d.day > p.as_of - 2 * p.recent_days), 0) AS listings_level,
           coalesce(sum(d.search_volume) FILTER (WHERE d.day > p.as_of - 2 * p.recent_days), 0) AS searches_level,
           coalesce(sum(d.interest_index) FILTER (WHERE d.day > p.as_of - 2 * p.recent_days), 0) AS interest_level
    FROM topic_daily d, params p
    GROUP BY d.topic_id
),
g0 AS (
    SELECT top.topic_id, top.name,
           top.recent_total AS demand_recent,
           top.expected_recent AS demand_expected,
           top.growth_shrunk AS demand_growth,
           coalesce(l.listings_recent, 0)::BIGINT AS listings_recent,
           coalesce(l.listings_baseline, 0)::BIGINT AS listings_baseline,
           (coalesce(l.listings_recent, 0) + p.listing_prior)
               / (coalesce(l.listings_baseline, 0) * p.recent_days / p.baseline_days + p.listing_prior) AS supply_growth,
           coalesce(l.listings_level, 0) AS listings_level,
           -- a lake without search data judges level on the topic's interest instead
           CASE WHEN (SELECT sum(searches_level) FROM listings) > 0 THEN coalesce(l.searches_level, 0)
                ELSE coalesce(l.interest_level, 0) END AS demand_level
    FROM top LEFT JOIN listings l ON l.topic_id = top.topic_id, params p
),
g AS (
    SELECT g0.*, 1000.0 * g0.listings_level / nullif(g0.demand_level, 0) AS listings_per_1k_demand FROM g0
),
reference AS (
    -- the typical supply level of this analysis' rising topics
    SELECT coalesce(median(listings_per_1k_demand), 0) AS median_per_1k FROM g WHERE listings_per_1k_demand IS NOT NULL
),
gaps AS (
    SELECT g.*, r.median_per_1k AS median_listings_per_1k,
           r.median_per_1k * g.demand_level / 1000.0 AS listings_expected,
           ln(g.demand_growth / g.supply_growth) AS growth_gap,
           -- listings short of the typical level (positive) or above it (negative), in log units
           ln((r.median_per_1k * g.demand_level / 1000.0 + p.listing_prior) / (g.listings_level + p.listing_prior)) AS level_gap,
           -- a small topic's figures rest on few events: the score fades below ~10 × k of demand
           1 - exp(-g.demand_recent / (10 * p.prior_strength)) AS confidence
    FROM g, reference r, params p
),
judged AS (
    SELECT gaps.*,
           gaps.demand_growth > 1
               AND greatest(gaps.growth_gap, 0) + gaps.level_gap > 0
               AND (gaps.growth_gap >= ln(p.gap_ratio) OR gaps.level_gap >= ln(p.gap_ratio)) AS gap
    FROM gaps, params p
)
SELECT topic_id, name, demand_recent, demand_expected, demand_growth, listings_recent, listings_baseline, supply_growth,
       listings_level, demand_level, listings_per_1k_demand, median_listings_per_1k, listings_expected, growth_gap, level_gap,
       CASE WHEN gap THEN round(100.0 * (greatest(growth_gap, 0) + level_gap) * confidence, 1) ELSE 0.0 END AS opportunity_score,
       round(100.0 * (greatest(growth_gap, 0) + level_gap) * confidence, 1) AS supply_pressure,
       gap,
       CASE
           WHEN NOT gap THEN NULL
           WHEN growth_gap >= ln(p.gap_ratio) AND level_gap >= ln(p.gap_ratio) THEN 'growth_and_level'
           WHEN growth_gap >= ln(p.gap_ratio) THEN 'growth'
           ELSE 'level'
       END AS gap_reason
FROM judged, params p;
