-- Areas at every level (subdistrict 6 digits, district 4, province 2, the country TH), with
-- Thai and English names and the area one level up.
select 'country' as area_level, 'TH' as area_code, 'ประเทศไทย' as name_th, 'Thailand' as name_en,
    cast(null as {{ dbt.type_string() }}) as parent_code, cast(null as {{ dbt.type_string() }}) as province_code
union all
select distinct 'province', province_code, province_name_th, province_name_en, 'TH', province_code
from {{ ref('stg_areas') }}
union all
select distinct 'district', district_code, district_name_th, district_name_en, province_code, province_code
from {{ ref('stg_areas') }}
union all
select 'subdistrict', subdistrict_code, subdistrict_name_th, subdistrict_name_en, district_code, province_code
from {{ ref('stg_areas') }}
