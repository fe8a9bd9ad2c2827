with source as (
    select * from {{ source('raw', 'areas') }}
),

renamed as (
    select
        subdistrict_code,
        subdistrict_name_th,
        subdistrict_name_en,
        district_code,
        district_name_th,
        district_name_en,
        province_code,
        province_name_th,
        province_name_en
    from source
)

select * from renamed
