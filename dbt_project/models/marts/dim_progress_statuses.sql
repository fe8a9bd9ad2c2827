-- The progress statuses an indicator value can have, in Thai and English (progress_status in
-- indicator_values points here).
{{ code_list_table('progress_status') }}
