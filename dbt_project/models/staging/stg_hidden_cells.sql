-- The cells of people counts that disclosure control hides (orchestration/disclosure.py).
with source as (
    select * from {{ source('disclosure', 'hidden_cells') }}
),

renamed as (
    select
        disclosure_family,
        area_level,
        area_code,
        fiscal_year,
        suppression
    from source
)

select * from renamed
