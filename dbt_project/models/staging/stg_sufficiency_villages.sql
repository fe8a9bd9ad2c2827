{%- set village_no_2 = "lpad(cast(village_no as " ~ dbt.type_string() ~ "), 2, '0')" %}
with source as (
    select * from {{ source('raw', 'sufficiency_villages') }}
),

renamed as (
    select
        {{ dbt.concat(["subdistrict_code", village_no_2]) }} as village_code,
        subdistrict_code,
        village_no,
        village_name,
        fiscal_year,
        sufficiency_level,
        sufficiency_level in {{ codes_in('sufficiency_level', 'sufficient') }} as is_sufficiency_village
    from source
)

select * from renamed
