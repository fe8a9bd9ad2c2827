with source as (
    select * from {{ source('raw', 'volunteers') }}
)

select
    person_key,
    age_at_fy_end as age_at_joining_fy_end,
    sex,
    subdistrict_code,
    joined_on,
    status,
    -- A volunteer marked as having left without a date is taken to have left on joining.
    case when status = 'พ้นสภาพ' then coalesce(left_on, joined_on) end as left_on,
    trainings
from source
