-- Areas at every level (subdistrict 6 digits, district 4, province 2, the country TH), with
-- Thai and English names and the area one level up.
select
    'country' as area_level,
    'TH' as area_code,
    'ประเทศไทย' as name_th,
    'Thailand' as name_en,
    cast(null as {{ dbt.type_string() }}) as parent_code,
    cast(null as {{ dbt.type_string() }}) as province_code
union all
select distinct
    'province' as area_level,
    province_code as area_code,
    province_name_th as name_th,
    province_name_en as name_en,
    'TH' as parent_code,
    province_code
from {{ ref('stg_areas') }}
union all
select distinct
    'district' as area_level,
    district_code as area_code,
    district_name_th as name_th,
    district_name_en as name_en,
    province_code as parent_code,
    province_code
from {{ ref('stg_areas') }}
union all
select
    'subdistrict' as area_level,
    subdistrict_code as area_code,
    subdistrict_name_th as name_th,
    subdistrict_name_en as name_en,
    district_code as parent_code,
    province_code
from {{ ref('stg_areas') }}
