with source as (
    select * from {{ source('raw', 'social_assistance') }}
),

renamed as (
    select
        case_id,
        person_key,
        subdistrict_code,
        received_on,
        {{ fiscal_year_be('received_on') }} as fiscal_year,
        problem,
        assistance,
        amount
    from source
)

select * from renamed
