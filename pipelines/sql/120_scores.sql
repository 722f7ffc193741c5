-- Scores as of params.as_of for every key of `series` (terms, then topics): recent vs weekday-adjusted
-- baseline, shrunk growth, over-dispersion-aware Poisson z and LLR, breakout, support, rank score and
-- lifecycle stage. Formulas and rules: pipelines/README.md ("Scores and the rank", "Lifecycle stage").
CREATE OR REPLACE TABLE scores AS
WITH cal AS (
    SELECT unnest(generate_series(baseline_start::TIMESTAMP, as_of::TIMESTAMP, INTERVAL 1 DAY))::DATE AS day
    FROM params
),
wf AS (
    SELECT c.day, coalesce(w.factor, 1.0) AS factor, c.day >= p.recent_start AS is_recent
    FROM cal c CROSS JOIN params p LEFT JOIN weekday_factors w ON w.wd = isodow(c.day)
),
fs AS (
    SELECT sum(factor) FILTER (WHERE is_recent) AS f_recent,
           greatest(sum(factor) FILTER (WHERE NOT is_recent), 1e-9) AS f_base
    FROM wf
),
agg AS (
    SELECT s.key,
           coalesce(sum(s.interest) FILTER (WHERE s.day >= p.recent_start), 0) AS recent_total,
           coalesce(sum(s.interest) FILTER (WHERE s.day < p.recent_start), 0) AS baseline_total,
           coalesce(sum(s.interest * s.interest) FILTER (WHERE s.day < p.recent_start), 0) AS baseline_sq,
           coalesce(sum(s.search_volume) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_search,
           coalesce(sum(s.content_mentions) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_content,
           coalesce(sum(s.comment_mentions) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_comment,
           coalesce(sum(s.product_listings) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_listings,
           count(*) FILTER (WHERE s.day >= p.recent_start AND s.interest > 0)::INTEGER AS recent_days_active,
           count(*) FILTER (WHERE s.day < p.recent_start AND s.interest > 0)::INTEGER AS baseline_days_active,
           -- a weighted sum of Poisson counts has variance Σ w²·x: its dispersion is Σ w·part ÷ Σ part
           (p.w_search * sum(s.search_part) + p.w_content * sum(s.content_part)
               + p.w_comment * sum(s.comment_part) + p.w_engagement * sum(s.engagement_part))
               / nullif(sum(s.interest), 0) AS phi_parts
    FROM series s CROSS JOIN params p
    WHERE s.day BETWEEN p.baseline_start AND p.as_of
    GROUP BY s.key, p.w_search, p.w_content, p.w_comment, p.w_engagement
),
base AS (
    SELECT a.*,
           a.baseline_total * fs.f_recent / fs.f_base AS expected_recent,
           greatest(1.0,
               coalesce(a.phi_parts, 1.0),
               CASE WHEN a.baseline_days_active >= 7 AND a.baseline_total > 0 THEN
                   (a.baseline_sq / p.baseline_days - pow(a.baseline_total / p.baseline_days, 2))
                       / (a.baseline_total / p.baseline_days)
               ELSE 1.0 END) AS phi,
           a.recent_total >= p.min_support AND a.recent_days_active >= p.min_active_days AS supported
    FROM agg a, fs, params p
),
stats AS (
    SELECT b.*,
           b.recent_total / nullif(b.expected_recent, 0) AS growth,
           (b.recent_total + p.prior_strength * b.phi) / (b.expected_recent + p.prior_strength * b.phi) AS growth_shrunk,
           (b.recent_total - b.expected_recent) / sqrt(b.phi * (b.expected_recent + 1)) AS z,
           b.recent_total / b.phi AS r_eff,
           greatest(b.expected_recent, 1.0) / b.phi AS e_eff,
           b.baseline_total = 0 AND b.recent_total >= p.breakout_floor AS breakout
    FROM base b, params p
    WHERE b.supported
),
dense AS (
    SELECT k.key, c.day, coalesce(s.interest, 0) AS x
    FROM (SELECT key FROM stats) k
    CROSS JOIN cal c
    LEFT JOIN series s ON s.key = k.key AND s.day = c.day
),
smooth AS (
    SELECT key, day,
           avg(x) OVER w AS s,
           count(*) OVER w AS n
    FROM dense
    WINDOW w AS (PARTITION BY key ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
),
life AS (
    SELECT sm.key,
           coalesce(max(sm.s) FILTER (WHERE sm.day = p.as_of), 0) AS s0,
           coalesce(max(sm.s) FILTER (WHERE sm.day = p.as_of - 7), 0) AS s7,
           coalesce(max(sm.s) FILTER (WHERE sm.day = p.as_of - 14), 0) AS s14,
           coalesce(max(sm.s) FILTER (WHERE sm.n = 7), 0) AS peak
    FROM smooth sm, params p
    GROUP BY sm.key
),
shaped AS (
    SELECT st.*,
           l.s0 AS level,
           l.peak,
           l.s7, l.s14,
           p.prior_strength * st.phi / p.recent_days AS eps,
           (l.s0 - l.s7) / (l.s7 + p.prior_strength * st.phi / p.recent_days) AS slope,
           ((l.s0 - l.s7) - (l.s7 - l.s14)) / (l.s7 + p.prior_strength * st.phi / p.recent_days) AS accel
    FROM stats st JOIN life l ON l.key = st.key, params p
)
SELECT key,
       recent_total, baseline_total, expected_recent,
       recent_search, recent_content, recent_comment, recent_listings,
       recent_days_active, baseline_days_active,
       phi, growth, growth_shrunk, z,
       sign(r_eff - e_eff) * 2 * (CASE WHEN r_eff > 0 THEN r_eff * ln(r_eff / e_eff) ELSE 0 END - (r_eff - e_eff)) AS llr,
       breakout,
       ln(growth_shrunk) * (1 - exp(-abs(z) / 3)) AS score,
       level, slope, accel, peak,
       CASE
           WHEN slope >= p.rise_slope AND level - s7 <= 0.5 * (s7 - s14) AND s7 > s14 THEN 'peaking'
           WHEN slope >= p.rise_slope
                AND (breakout OR baseline_total * p.recent_days / p.baseline_days < p.breakout_floor) THEN 'emerging'
           WHEN slope >= p.rise_slope THEN 'rising'
           WHEN slope <= -p.rise_slope THEN 'declining'
           WHEN level >= 0.85 * peak AND s14 <= 0.8 * level THEN 'peaking'
           ELSE 'stable'
       END AS stage
FROM shaped, params p;
