SELECT count(*) FROM day_done WHERE stage = $stage AND day = $day;
