-- The parameters of one run, bound from the configuration and the analysis date; every model reads
-- them from this one-row table.
CREATE OR REPLACE TABLE params AS
SELECT $1::DATE AS as_of,
       ($1::DATE - ($2::INTEGER - 1))::DATE AS recent_start,
       ($1::DATE - ($2::INTEGER + $3::INTEGER - 1))::DATE AS baseline_start,
       $2::INTEGER AS recent_days,
       $3::INTEGER AS baseline_days,
       $4::DOUBLE AS prior_strength,
       $5::DOUBLE AS min_support,
       $6::INTEGER AS min_active_days,
       $7::DOUBLE AS breakout_floor,
       $8::DOUBLE AS min_z,
       $9::DOUBLE AS rise_slope,
       $10::DOUBLE AS w_search,
       $11::DOUBLE AS w_content,
       $12::DOUBLE AS w_comment,
       $13::DOUBLE AS w_engagement,
       $14::INTEGER AS topic_candidates,
       $15::DOUBLE AS topic_min_similarity,
       $16::INTEGER AS min_co_docs,
       $17::INTEGER AS top_topics,
       $18::DOUBLE AS segment_lead_ratio,
       $19::DOUBLE AS gap_ratio,
       $20::DOUBLE AS listing_prior,
       $21::INTEGER AS evidence_per_topic,
       -- focus categories come as one comma-separated text
       CASE WHEN $22::VARCHAR = '' THEN []::VARCHAR[] ELSE string_split($22::VARCHAR, ',') END AS focus,
       $23::DOUBLE AS idf_floor,
       -- rank up to which a topic is on the report's list (report.top_topics), for days on the list
       $24::INTEGER AS top_list
