-- Every code the sources and tables use, with its meaning in Thai and English (seeds/code_lists.csv,
-- written from orchestration/metadata/codes.py).
select
    code_list,
    code,
    label_th,
    label_en,
    category,
    position
from {{ ref('code_lists') }}
