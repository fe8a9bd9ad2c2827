with source as (
    select * from {{ source('raw', 'welfare_registry') }}
),

renamed as (
    select
        person_key,
        age_at_fy_end as age_at_registration_fy_end,
        sex,
        target_group,
        subdistrict_code,
        registered_on,
        {{ fiscal_year_be('registered_on') }} as registered_fiscal_year,
        updated_on,
        benefit,
        exited_on,
        exit_reason,
        _source_file,
        _row_number
    from source
)

select * from renamed
