-- Every computed indicator in one long table, before disclosure control and targets.
{% set indicators = ['s1_1', 's1_2', 's2_1', 's2_2', 's2_3', 's2_4', 's2_5', 's2_6', 's3_1', 's3_2', 's3_3', 's3_4',
                     's4_1', 's4_2', 's4_3', 'd1_1', 'd1_2', 'd2_1'] %}

with computed as (
    {% for indicator in indicators %}
    select * from {{ ref('int_indicator_' ~ indicator) }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
)

select
    v.indicator_code,
    v.area_level,
    v.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    v.fiscal_year,
    v.value,
    v.numerator,
    v.denominator,
    v.null_reason,
    i.unit_en,
    i.unit_th
from computed v
join {{ ref('stg_indicators') }} i on i.indicator_code = v.indicator_code
join {{ ref('int_areas') }} a on a.area_code = v.area_code and a.area_level = v.area_level
-- Only at the levels where the catalogue says the indicator is meaningful.
where {{ dbt.concat(["';'", "i.levels", "';'"]) }} like {{ dbt.concat(["'%;'", "v.area_level", "';%'"]) }}
