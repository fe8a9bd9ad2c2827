-- Subdistricts of every province that any loaded source reports on.
with provinces as (
    select distinct a.province_code
    from {{ ref('stg_source_areas') }} as r
    inner join {{ ref('stg_areas') }} as a on r.subdistrict_code = a.subdistrict_code
    where r.rows_accepted > 0
)

select
    a.subdistrict_code,
    a.district_code,
    a.province_code
from {{ ref('stg_areas') }} as a
inner join provinces as p on a.province_code = p.province_code
