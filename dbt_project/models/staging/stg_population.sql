with source as (
    select * from {{ source('raw', 'population') }}
),

renamed as (
    select
        subdistrict_code,
        year as population_year,
        sex,
        population
    from source
)

select * from renamed
