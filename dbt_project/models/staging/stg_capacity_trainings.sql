with source as (
    select * from {{ source('raw', 'capacity_trainings') }}
),

renamed as (
    select
        training_id,
        partner_id,
        course,
        subdistrict_code,
        trained_on,
        {{ fiscal_year_be('trained_on') }} as fiscal_year,
        training_result in {{ codes_in('pass_fail', 'passed') }} as passed
    from source
)

select * from renamed
