with source as (
    select * from {{ source('raw', 'population') }}
)

select
    subdistrict_code,
    year as population_year,
    sex,
    population
from source
