-- The parameters of one run, bound from the configuration and the analysis date; every model reads
-- them from this one-row table.
CREATE OR REPLACE TABLE params AS
SELECT $as_of::DATE AS as_of,
       ($as_of::DATE - ($recent_days::INTEGER - 1))::DATE AS recent_start,
       ($as_of::DATE - ($recent_days::INTEGER + $baseline_days::INTEGER - 1))::DATE AS baseline_start,
       $recent_days::INTEGER AS recent_days,
       $baseline_days::INTEGER AS baseline_days,
       $prior_strength::DOUBLE AS prior_strength,
       $min_support::DOUBLE AS min_support,
       $min_active_days::INTEGER AS min_active_days,
       $breakout_floor::DOUBLE AS breakout_floor,
       $min_z::DOUBLE AS min_z,
       $rise_slope::DOUBLE AS rise_slope,
       $w_search::DOUBLE AS w_search,
       $w_content::DOUBLE AS w_content,
       $w_comment::DOUBLE AS w_comment,
       $w_engagement::DOUBLE AS w_engagement,
       $topic_candidates::INTEGER AS topic_candidates,
       $topic_min_similarity::DOUBLE AS topic_min_similarity,
       $min_co_docs::INTEGER AS min_co_docs,
       $top_topics::INTEGER AS top_topics,
       $segment_lead_ratio::DOUBLE AS segment_lead_ratio,
       $gap_ratio::DOUBLE AS gap_ratio,
       $listing_prior::DOUBLE AS listing_prior,
       $evidence_per_topic::INTEGER AS evidence_per_topic,
       -- focus categories come as one comma-separated text
       CASE WHEN $focus::VARCHAR = '' THEN []::VARCHAR[] ELSE string_split($focus::VARCHAR, ',') END AS focus,
       $idf_floor::DOUBLE AS idf_floor,
       -- rank up to which a topic is on the report's list (report.top_topics), for days on the list
       $top_list::INTEGER AS top_list
