-- The area levels, in Thai and English: the table the area_level codes in indicator_values
-- point at, so that Datasette shows their words.
select
    code,
    label_th,
    label_en,
    position
from {{ ref('dim_code_lists') }}
where code_list = 'area_level'
