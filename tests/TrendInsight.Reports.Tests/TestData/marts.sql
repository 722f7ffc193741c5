-- A small analysis as of 2026-11-21 in the shape pipelines/README.md gives the marts, for the loader tests.
-- Two rising topics (露营 with segments, 美拉德 a breakout without segments), one declining topic
-- (老钱风, whose falling member 羊绒衫 is listed under it, not again as a term) and one declining term
-- outside any topic (松弛感, with its daily series in term_daily). 攻略 (a member of 露营 that no listing
-- uses) is not a related term, and 夏季 (a generic word) is not a declining term.
CREATE TABLE topics AS SELECT * FROM (VALUES
    ('t-露营', '露营', ['露营', '天幕', '折叠椅'], 3, 5230.5, 8420.0, 2104.0, 2.486, 2.43, 68.1, 120.2, false, 0.82, 1, 'rising', 820.0, 0.41, 0.05, 3120::BIGINT, 210::BIGINT, 880::BIGINT, 64::BIGINT, true),
    ('t-美拉德', '美拉德', ['美拉德'], 1, 1310.0, 0.0, 0.0, NULL, 27.2, 36.2, 40.1, true, 0.71, 2, 'emerging', 190.0, 1.8, 0.9, 900::BIGINT, 60::BIGINT, 170::BIGINT, 0::BIGINT, true),
    ('t-老钱风', '老钱风', ['老钱风', '羊绒衫'], 2, 410.0, 3300.0, 825.0, 0.497, 0.526, -14.4, -30.0, false, -0.31, NULL, 'declining', 55.0, -0.38, -0.1, 220::BIGINT, 12::BIGINT, 40::BIGINT, 30::BIGINT, true)
) t(topic_id, name, members, member_count, recent_total, baseline_total, expected_recent, growth, growth_shrunk, z, llr, breakout, score, rank, stage, level, slope, accel, recent_search, recent_content, recent_comment, recent_listings, in_focus);

CREATE TABLE trends AS SELECT * FROM (VALUES
    ('露营', 'scene', 't-露营', 3900.0, 6100.0, 1525.0, 2400::BIGINT, 150::BIGINT, 700::BIGINT, 40::BIGINT, 7, 28, 2.557, 2.49, 60.8, 100.0, false, 0.80, 1, 'rising', false),
    ('天幕', 'category', 't-露营', 1100.0, 1900.0, 475.0, 600::BIGINT, 50::BIGINT, 150::BIGINT, 20::BIGINT, 7, 28, 2.316, 2.17, 28.7, 40.0, false, 0.61, 3, 'rising', false),
    ('美拉德', 'colour', 't-美拉德', 1310.0, 0.0, 0.0, 900::BIGINT, 60::BIGINT, 170::BIGINT, 0::BIGINT, 6, 0, NULL, 27.2, 36.2, 40.1, true, 0.71, 2, 'emerging', false),
    ('老钱风', 'style', 't-老钱风', 410.0, 3300.0, 825.0, 220::BIGINT, 12::BIGINT, 40::BIGINT, 30::BIGINT, 7, 28, 0.497, 0.526, -14.4, -30.0, false, -0.31, NULL, 'declining', false),
    ('羊绒衫', 'category', 't-老钱风', 200.0, 2400.0, 600.0, 90::BIGINT, 5::BIGINT, 20::BIGINT, 10::BIGINT, 7, 28, 0.33, 0.35, -18.0, -40.0, false, -0.5, NULL, 'declining', false),
    ('松弛感', 'style', NULL, 300.0, 4800.0, 1200.0, 180::BIGINT, 10::BIGINT, 30::BIGINT, 8::BIGINT, 7, 28, 0.25, 0.28, -26.0, -60.0, false, -0.9, NULL, 'declining', false),
    ('攻略', NULL, 't-露营', 900.0, 1500.0, 375.0, 500::BIGINT, 40::BIGINT, 100::BIGINT, 0::BIGINT, 7, 28, 2.4, 2.2, 20.0, 30.0, false, 0.5, 4, 'rising', false),
    ('夏季', NULL, NULL, 800.0, 9000.0, 2250.0, 500::BIGINT, 40::BIGINT, 100::BIGINT, 60::BIGINT, 7, 28, 0.36, 0.37, -30.0, -80.0, false, -1.2, NULL, 'declining', true)
) t(term, term_type, topic_id, recent_total, baseline_total, expected_recent, recent_search, recent_content, recent_comment, recent_listings, recent_days_active, baseline_days_active, growth, growth_shrunk, z, llr, breakout, score, rank, stage, generic);

CREATE TABLE topic_daily AS
SELECT t.topic_id, t.name, DATE '2026-11-21' - INTERVAL (34 - i) DAY AS day_ts,
       (10 + i * t.k)::BIGINT AS search_volume, (1 + i // 5)::BIGINT AS content_mentions, (3 + i // 2)::BIGINT AS comment_mentions,
       2::BIGINT AS product_listings, (1000 + 40 * i)::BIGINT AS plays, (50 + i)::BIGINT AS likes, 5::BIGINT AS shares, 1::BIGINT AS purchases,
       CAST(99.5 + i AS DECIMAL(18,2)) AS gmv, 0.0 AS search_part, 0.0 AS content_part, 0.0 AS comment_part, 0.0 AS engagement_part,
       (20 + i * t.k * 2.5)::DOUBLE AS interest_index
FROM (VALUES ('t-露营', '露营', 4), ('t-美拉德', '美拉德', 0), ('t-老钱风', '老钱风', -0.2)) t(topic_id, name, k), range(35) r(i)
WHERE t.topic_id <> 't-美拉德' OR i >= 28;
ALTER TABLE topic_daily ADD COLUMN day DATE;
UPDATE topic_daily SET day = CAST(day_ts AS DATE);
ALTER TABLE topic_daily DROP COLUMN day_ts;

CREATE TABLE forecast AS
SELECT 't-露营' AS topic_id, DATE '2026-11-21' + CAST(h AS INTEGER) AS day, CAST(h AS INTEGER) AS horizon, 300.0 + 10 * h AS yhat, 280.0 + 6 * h AS lo, 320.0 + 14 * h AS hi,
       'damped_holt' AS method, 0.12 AS backtest_mape, 0.78 AS backtest_coverage, true AS informative, 1.3 AS interval_multiplier, 180 AS backtest_days
FROM range(1, 22) r(h);

CREATE TABLE topic_attributes AS SELECT * FROM (VALUES
    ('t-露营', 'material', '灯芯绒', 42::BIGINT, 900::BIGINT, 120::BIGINT, 20000::BIGINT, 7.78, 1),
    ('t-露营', 'style', '复古', 61::BIGINT, 900::BIGINT, 400::BIGINT, 20000::BIGINT, 3.39, 1),
    ('t-露营', 'colour', '卡其色', 18::BIGINT, 900::BIGINT, 150::BIGINT, 20000::BIGINT, 2.67, 1)
) t(topic_id, attribute_type, term, co_docs, topic_docs, term_docs, total_docs, lift, rank);

CREATE TABLE topic_segments AS SELECT * FROM (VALUES
    ('t-露营', 'age_band', '18-23', 1200::BIGINT, 0.34, 0.2, 170.0, 2.9, 2.43, 20.6, true),
    ('t-露营', 'age_band', '31-40', 500::BIGINT, 0.14, 0.2, 70.0, 1.8, 2.43, -8.9, false),
    ('t-露营', 'gender', 'f', 2300::BIGINT, 0.66, 0.55, 120.0, 2.5, 2.43, 2.1, false),
    ('t-露营', 'gender', 'm', 1200::BIGINT, 0.34, 0.45, 75.6, 2.2, 2.43, -2.1, false),
    ('t-露营', 'city_tier', 'new1', 900::BIGINT, 0.26, 0.18, 144.4, 3.1, 2.43, 12.4, true)
) t(topic_id, dimension, value, activity, share, overall_share, tgi, growth, topic_growth, z, leads);

CREATE TABLE supply_gap AS SELECT * FROM (VALUES
    ('t-露营', '露营', 5230.5, 2104.0, 2.43, 64::BIGINT, 50::BIGINT, 1.25, 12.2, 20.5, 107.2, 0.664, 0.514, 97.1, true, 'growth_and_level')
) t(topic_id, name, demand_recent, demand_expected, demand_growth, listings_recent, listings_baseline, supply_growth, listings_per_1k_demand,
    median_listings_per_1k, listings_expected, growth_gap, level_gap, opportunity_score, gap, gap_reason);

CREATE TABLE topic_movement AS SELECT * FROM (VALUES
    ('t-露营', '露营', 1, true, DATE '2026-11-14', 3, 2, false, 4),
    ('t-美拉德', '美拉德', 2, true, DATE '2026-11-14', NULL, NULL, true, 1)
) t(topic_id, name, rank, on_list, previous_date, previous_rank, rank_change, is_new, weeks_on_list);

CREATE TABLE evidence AS SELECT * FROM (VALUES
    ('t-露营', 'comment', 'e-1', '周末露營太舒服了🏕️ 求天幕連結', 812::BIGINT, 0.0, 1),
    ('t-露营', 'comment', 'e-2', '<script>alert(1)</script>灯芯绒外套配露营', 640::BIGINT, 0.0, 2),
    ('t-露营', 'content', 'c-9', '秋冬露营穿搭｜复古山系', 0::BIGINT, 18420.0, 1)
) t(topic_id, kind, id, text, likes, engagement, rank);

CREATE TABLE new_words AS SELECT * FROM (VALUES
    ('美拉德', 1310::BIGINT, 7.1, 2.9, 3.3, 9.2, 300, 120, 400),
    ('多巴胺穿搭', 640::BIGINT, 6.2, 2.5, 2.8, 7.0, 200, 60, 150)
) t(word, freq, pmi, left_entropy, right_entropy, score, query_lines, title_lines, comment_lines);

CREATE TABLE term_daily AS
SELECT '松弛感' AS term, 'style' AS term_type, CAST(DATE '2026-11-21' - INTERVAL (34 - i) DAY AS DATE) AS dt,
       (200 - 5 * i)::BIGINT AS search_volume, 2::BIGINT AS content_mentions, 4::BIGINT AS comment_mentions, 1::BIGINT AS product_listings,
       100::BIGINT AS plays, 10::BIGINT AS likes, 1::BIGINT AS shares, 0::BIGINT AS purchases, CAST(0 AS DECIMAL(18,2)) AS gmv,
       0.0 AS search_part, 0.0 AS content_part, 0.0 AS comment_part, 0.0 AS engagement_part, (240.0 - 6 * i) AS interest_index
FROM range(35) r(i);

CREATE TABLE raw_search AS SELECT * FROM (VALUES
    ('s-1', '露營 天幕', 3::BIGINT), ('s-2', '美拉德穿搭', 5::BIGINT)
) t(event_id, query, count);
