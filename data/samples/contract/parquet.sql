-- Writes the Parquet examples (run from this folder; see README.md): typed columns as a warehouse export has them.
SET TimeZone = 'Asia/Shanghai';
COPY (SELECT * FROM (VALUES
    ('s-p1', TIMESTAMPTZ '2026-11-11 11:00:00+08', '羽绒服 短款', 5::BIGINT, 'u3001', '24-30', 'f', 'new1', 'xhs'),
    ('s-p2', TIMESTAMPTZ '2026-11-11 11:10:00+08', '面包服 加厚', 1::BIGINT, NULL, '41-50', 'm', '4', 'taobao'),
    ('s-p3', TIMESTAMPTZ '2026-11-11 11:20:00+08', '多巴胺穿搭', 2::BIGINT, 'u3002', '<18', 'f', '5', 'douyin'))
    t(event_id, ts, query, count, user_id, age_band, gender, city_tier, platform)) TO 'search/search.parquet' (FORMAT parquet);
COPY (SELECT * FROM (VALUES
    ('cm-p1', TIMESTAMPTZ '2026-11-11 15:00:00+08', 'n-200', '冲锋衣通勤也好看，已种草', 7::BIGINT, 'u3003', '31-40', 'm', '1', 'xhs'),
    ('cm-p2', TIMESTAMPTZ '2026-11-11 15:30:00+08', 'n-201', '第三种系法好温柔', 0::BIGINT, NULL, '18-23', 'f', '2', 'douyin'),
    ('cm-p3', TIMESTAMPTZ '2026-11-11 16:00:00+08', 'n-202', 'citywalk 背这个刚好', NULL, 'u3004', NULL, NULL, NULL, 'xhs'))
    t(event_id, ts, content_id, text, likes, user_id, age_band, gender, city_tier, platform)) TO 'comments/comments.parquet' (FORMAT parquet);
COPY (SELECT * FROM (VALUES
    ('e-p1', TIMESTAMPTZ '2026-11-11 22:00:00+08', 'n-200', 'share', 4::BIGINT, NULL::DECIMAL(18, 2), 'u3005', '31-40', 'm', '1', 'xhs'),
    ('e-p2', TIMESTAMPTZ '2026-11-11 22:05:00+08', 'n-201', 'click', 40::BIGINT, NULL, NULL, '18-23', 'f', '3', 'douyin'),
    ('e-p3', TIMESTAMPTZ '2026-11-11 22:10:00+08', 'n-202', 'purchase', 1::BIGINT, 79.00, 'u3006', '24-30', 'f', 'new1', 'taobao'))
    t(event_id, ts, content_id, action, count, gmv, user_id, age_band, gender, city_tier, platform)) TO 'engagement/engagement.parquet' (FORMAT parquet);
COPY (SELECT * FROM (VALUES
    ('n-300', TIMESTAMPTZ '2026-11-10 23:00:00+08', '羽绒服怎么选 钻绒不踩雷', ['羽绒服', '冬季穿搭'], 'a-31', 'apparel', 'xhs'),
    ('n-301', TIMESTAMPTZ '2026-11-10 23:30:00+08', '多巴胺穿搭 冬天也要彩色', ['多巴胺穿搭'], NULL, 'apparel', 'douyin'),
    ('n-302', TIMESTAMPTZ '2026-11-10 23:45:00+08', '新中式盘扣外套', [], 'a-32', NULL, 'xhs'))
    t(content_id, ts, title, tags, author_id, category, platform)) TO 'content/content.parquet' (FORMAT parquet);
COPY (SELECT * FROM (VALUES
    ('p-300', TIMESTAMPTZ '2026-11-10 11:00:00+08', '短款羽绒服 加厚面包服', '女装', 499.00::DECIMAL(18, 2), 2300::BIGINT, 'shop-12'),
    ('p-301', TIMESTAMPTZ '2026-11-10 11:00:00+08', '多巴胺撞色毛衣', '女装', 159.00, NULL, 'shop-13'),
    ('p-302', TIMESTAMPTZ '2026-11-10 11:00:00+08', '盘扣新中式外套', '女装', NULL, 45, NULL))
    t(product_id, ts, title, category, price, sales, shop_id)) TO 'products/products.parquet' (FORMAT parquet);
