select
    indicator_code,
    document,
    strategy_no,
    strategy_name_th,
    indicator_no,
    name_th,
    name_en,
    unit_en,
    unit_th,
    direction,
    sources,
    levels,
    counts_people,
    aggregation,
    computation_en,
    computation_th
from {{ ref('indicators') }}
