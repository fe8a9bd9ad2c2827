-- Every computed indicator in one long table, before disclosure control and targets.
with computed as (
    {% for indicator in indicator_models() %}
        select * from {{ ref(indicator) }}
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
from computed as v
inner join {{ ref('stg_indicators') }} as i on v.indicator_code = i.indicator_code
inner join {{ ref('int_areas') }} as a on v.area_code = a.area_code and v.area_level = a.area_level
-- Only at the levels where the catalogue says the indicator is meaningful.
where {{ dbt.concat(["';'", "i.levels", "';'"]) }} like {{ dbt.concat(["'%;'", "v.area_level", "';%'"]) }}
