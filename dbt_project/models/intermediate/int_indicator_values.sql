-- Every computed indicator in one long table, before disclosure control and targets, in the
-- areas in scope: the provinces the loaded sources report on, their districts and subdistricts,
-- and the country when there are several. The indicators themselves are computed for every
-- area, so that a file of one source rebuilds only the indicators it feeds.
with provinces_in_scope as (
    select distinct province_code from {{ ref('int_areas_in_scope') }}
),

computed as (
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
where
    -- Only at the levels where the catalogue says the indicator is meaningful.
    {{ dbt.concat(["';'", "i.levels", "';'"]) }} like {{ dbt.concat(["'%;'", "v.area_level", "';%'"]) }}
    and (
        a.province_code in (select s.province_code from provinces_in_scope as s)
        or (v.area_level = 'country' and {{ several_provinces_loaded() }})
    )
