-- The progress statuses an indicator value can have, in Thai and English: the table the
-- progress_status codes in indicator_values point at, so that Datasette shows their words.
select
    code,
    label_th,
    label_en,
    position
from {{ ref('dim_code_lists') }}
where code_list = 'progress_status'
