-- Scores as of params.as_of for every key of `series` (terms, then topics): recent vs weekday-adjusted
-- baseline, shrunk growth, over-dispersion-aware Poisson z and LLR on the mention counts, breakout, support, rank score and
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
           coalesce(sum(s.search_volume + s.content_mentions + s.comment_mentions) FILTER (WHERE s.day >= p.recent_start), 0) AS recent_mentions,
           coalesce(sum(s.search_volume + s.content_mentions + s.comment_mentions) FILTER (WHERE s.day < p.recent_start), 0) AS baseline_mentions,
           coalesce(sum(s.search_volume) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_search,
           coalesce(sum(s.content_mentions) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_content,
           coalesce(sum(s.comment_mentions) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_comment,
           coalesce(sum(s.product_listings) FILTER (WHERE s.day >= p.recent_start), 0)::BIGINT AS recent_listings,
           count(*) FILTER (WHERE s.day >= p.recent_start AND s.interest > 0)::INTEGER AS recent_days_active,
           count(*) FILTER (WHERE s.day < p.recent_start AND s.interest > 0)::INTEGER AS baseline_days_active
    FROM series s CROSS JOIN params p
    WHERE s.day BETWEEN p.baseline_start AND p.as_of
    GROUP BY s.key
),
supported AS (
    SELECT a.*,
           a.baseline_total * fs.f_recent / fs.f_base AS expected_recent,
           a.baseline_mentions * fs.f_recent / fs.f_base AS expected_mentions,
           -- index units per counted mention: converts the prior (in mentions) into index units
           CASE WHEN a.recent_mentions + a.baseline_mentions > 0
                THEN greatest((a.recent_total + a.baseline_total) / (a.recent_mentions + a.baseline_mentions), 1e-6)
                ELSE 1.0 END AS units_per_mention
    FROM agg a, fs, params p
    WHERE a.recent_total >= p.min_support AND a.recent_days_active >= p.min_active_days
),
dense AS (
    SELECT k.key, c.day, c.factor,
           coalesce(s.interest, 0) AS x,
           coalesce(s.search_volume + s.content_mentions + s.comment_mentions, 0) / c.factor AS m
    FROM (SELECT key FROM supported) k
    CROSS JOIN wf c
    LEFT JOIN series s ON s.key = k.key AND s.day = c.day
),
smooth AS (
    SELECT key, day, m,
           m - lag(m) OVER (PARTITION BY key ORDER BY day) AS dm,
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
           coalesce(max(sm.s) FILTER (WHERE sm.n = 7), 0) AS peak,
           -- over-dispersion of the daily mention counts (weekday-adjusted) from day-to-day
           -- differences, which a slow trend barely inflates: Var(m_t - m_t-1) = 2·phi·mean for Poisson-like counts
           coalesce(sum(sm.dm * sm.dm) / nullif(2 * sum(sm.m), 0), 1.0) AS phi_diff
    FROM smooth sm, params p
    GROUP BY sm.key
),
stats AS (
    SELECT b.*,
           greatest(1.0, l.phi_diff) AS phi,
           l.s0, l.s7, l.s14, l.peak,
           b.recent_total / nullif(b.expected_recent, 0) AS growth,
           (b.recent_total + p.prior_strength * b.units_per_mention)
               / (b.expected_recent + p.prior_strength * b.units_per_mention) AS growth_shrunk,
           (b.recent_mentions - b.expected_mentions) / sqrt(greatest(1.0, l.phi_diff) * (b.expected_mentions + 1)) AS z,
           b.recent_mentions / greatest(1.0, l.phi_diff) AS r_eff,
           greatest(b.expected_mentions, 1.0) / greatest(1.0, l.phi_diff) AS e_eff,
           b.baseline_total = 0 AND b.recent_total >= p.breakout_floor AS breakout,
           p.prior_strength * b.units_per_mention / p.recent_days AS eps
    FROM supported b JOIN life l ON l.key = b.key, params p
),
shaped AS (
    SELECT st.*,
           st.s0 AS level,
           (st.s0 - st.s7) / (st.s7 + st.eps) AS slope,
           ((st.s0 - st.s7) - (st.s7 - st.s14)) / (st.s7 + st.eps) AS accel
    FROM stats st
)
SELECT key,
       recent_total, baseline_total, expected_recent,
       recent_mentions, expected_mentions,
       recent_search, recent_content, recent_comment, recent_listings,
       recent_days_active, baseline_days_active,
       phi, growth, growth_shrunk, z,
       sign(r_eff - e_eff) * 2 * (CASE WHEN r_eff > 0 THEN r_eff * ln(r_eff / e_eff) ELSE 0 END - (r_eff - e_eff)) AS llr,
       breakout,
       ln(growth_shrunk) * (1 - exp(-abs(z) / 3)) AS score,
       level, slope, accel, peak,
       -- the stage agrees with the growth of the recent window over the baseline (growth_shrunk):
       -- up (≥ 1 + rise_slope) gives emerging, rising or peaking; down (≤ 1 / (1 + rise_slope))
       -- gives declining; in between the weekly slope decides, only in the direction of the growth
       CASE
           WHEN growth_shrunk >= 1 + p.rise_slope AND slope >= p.rise_slope
                AND accel > -slope / 3
                AND (breakout OR baseline_total * p.recent_days / p.baseline_days < p.breakout_floor) THEN 'emerging'
           WHEN growth_shrunk >= 1 + p.rise_slope AND slope >= p.rise_slope AND accel > -slope / 3 THEN 'rising'
           WHEN growth_shrunk >= 1 + p.rise_slope THEN 'peaking'
           WHEN growth_shrunk <= 1 / (1 + p.rise_slope) THEN 'declining'
           WHEN growth_shrunk >= 1 AND slope >= p.rise_slope THEN 'rising'
           WHEN growth_shrunk <= 1 AND slope <= -p.rise_slope THEN 'declining'
           ELSE 'stable'
       END AS stage
FROM shaped, params p;
