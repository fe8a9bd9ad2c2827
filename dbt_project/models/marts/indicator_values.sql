-- One row per indicator × area × fiscal year: the long table the public, analysts and the
-- GX gate read.
with computed as (
    select * from {{ ref('int_indicator_s2_1') }}
    union all
    select * from {{ ref('int_indicator_s3_2') }}
    union all
    select * from {{ ref('int_indicator_s3_3') }}
),

with_previous as (
    select
        computed.*,
        lag(value) over (
            partition by indicator_code, area_level, area_code order by fiscal_year
        ) as previous_value
    from computed
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
    i.unit_en,
    i.unit_th,
    v.previous_value,
    v.value - v.previous_value as change
from with_previous v
join {{ ref('dim_indicators') }} i on i.indicator_code = v.indicator_code
join {{ ref('dim_areas') }} a on a.area_code = v.area_code and a.area_level = v.area_level
