with source as (
    select * from {{ source('raw', 'volunteers') }}
),

renamed as (
    select
        person_key,
        age_at_fy_end as age_at_joining_fy_end,
        sex,
        subdistrict_code,
        joined_on,
        volunteer_status,
        -- A volunteer marked as having left without a date is taken to have left on joining.
        case when volunteer_status in {{ codes_in('volunteer_status', 'left') }} then coalesce(left_on, joined_on) end
            as left_on,
        trainings
    from source
)

select * from renamed
