-- Rows rejected at ingestion, without their contents.
with source as (
    select * from {{ source('raw', 'quarantine') }}
),

renamed as (
    select
        source,
        source_file,
        row_number,
        reason_code,
        column_name,
        message_en,
        message_th,
        subdistrict_code
    from source
)

select * from renamed
