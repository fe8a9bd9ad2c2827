with source as (
    select * from {{ source('raw', 'creative_media') }}
)

select
    media_id,
    title,
    field,
    subdistrict_code,
    reviewed_on,
    {{ fiscal_year_be('reviewed_on') }} as fiscal_year,
    decision = 'ผ่านการพิจารณา' as approved
from source
