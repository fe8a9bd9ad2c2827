-- Areas at every level (subdistrict 6 digits, district 4, province 2), with Thai and English names.
select distinct 'province' as area_level, province_code as area_code, province_name_th as name_th,
    province_name_en as name_en, cast(null as {{ dbt.type_string() }}) as parent_code, province_code
from {{ ref('stg_areas') }}
union all
select distinct 'district', district_code, district_name_th, district_name_en, province_code, province_code
from {{ ref('stg_areas') }}
union all
select 'subdistrict', subdistrict_code, subdistrict_name_th, subdistrict_name_en, district_code, province_code
from {{ ref('stg_areas') }}
