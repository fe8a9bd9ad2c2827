with source as (
    select * from {{ source('raw', 'creative_media') }}
),

renamed as (
    select
        media_id,
        media_title,
        media_field,
        subdistrict_code,
        reviewed_on,
        {{ fiscal_year_be('reviewed_on') }} as fiscal_year,
        media_decision in {{ codes_in('media_decision', 'approved') }} as approved
    from source
)

select * from renamed
