-- Terms of content published on the day being built.
INSERT INTO content_terms
SELECT doc_id, term, term_type, category FROM terms_day WHERE source = 'content'
