with source as (
    select * from {{ source('raw', 'sufficiency_villages') }}
)

select
    {{ dbt.concat(["subdistrict_code", "lpad(cast(village_no as " ~ dbt.type_string() ~ "), 2, '0')"]) }} as village_code,
    subdistrict_code,
    village_no,
    village_name,
    fiscal_year,
    level,
    level in ('พออยู่พอกิน', 'อยู่ดีกินดี', 'มั่งมีศรีสุข') as is_sufficiency_village
from source
