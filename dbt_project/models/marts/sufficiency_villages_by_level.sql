-- Villages assessed under the sufficiency-economy village programme, per area, fiscal year and
-- the level reached. Villages are not people.
with counted as (
    {{ by_area_level(located(ref('stg_sufficiency_villages')), 'count(distinct village_code) as villages',
        fiscal_year='reporting_year', by=['level', 'is_sufficiency_village']) }}
)

select
    c.area_level,
    c.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    c.fiscal_year,
    c.level as sufficiency_level,
    c.is_sufficiency_village,
    c.villages
from counted c
join {{ ref('dim_areas') }} a on a.area_level = c.area_level and a.area_code = c.area_code
