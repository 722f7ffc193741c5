-- Supply gap: the topic's demand growth against the growth of product listings that mention it.
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
               / (coalesce(l.listings_baseline, 0) * p.recent_days / p.baseline_days + p.listing_prior) AS supply_growth
    FROM top LEFT JOIN listings l ON l.topic_id = top.topic_id, params p
)
SELECT g.*,
       1000.0 * g.listings_recent / nullif(g.demand_recent, 0) AS listings_per_1k_demand,
       100.0 * greatest(0.0, ln(g.demand_growth / g.supply_growth))
           * (1 - exp(-g.demand_recent / (p.prior_strength * (1 + g.listings_recent)))) AS opportunity_score,
       g.demand_growth > 1 AND g.demand_growth >= p.gap_ratio * g.supply_growth AS gap
FROM g, params p;
