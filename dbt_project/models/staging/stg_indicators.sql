-- The indicator catalogue (seeds/indicators.csv), as the models use it.
with source as (
    select * from {{ ref('indicators') }}
),

renamed as (
    select
        indicator_code,
        document,
        strategy_no,
        strategy_name_th,
        indicator_no,
        name_th,
        name_en,
        unit_en,
        unit_th,
        direction,
        progress_method,
        sources,
        levels,
        counts_people,
        nullif(disclosure_family, '') as disclosure_family,
        aggregation,
        computation_en,
        computation_th
    from source
)

select * from renamed
