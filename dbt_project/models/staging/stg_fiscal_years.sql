with source as (
    select * from {{ source('raw', 'fiscal_years') }}
),

renamed as (
    select
        fiscal_year,
        fiscal_year_ce,
        starts_on,
        ends_on,
        in_reporting_period
    from source
)

select * from renamed
