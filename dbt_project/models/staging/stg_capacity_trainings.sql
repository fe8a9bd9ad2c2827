with source as (
    select * from {{ source('raw', 'capacity_trainings') }}
)

select
    training_id,
    partner_id,
    course,
    subdistrict_code,
    trained_on,
    {{ fiscal_year_be('trained_on') }} as fiscal_year,
    result = 'ผ่าน' as passed
from source
