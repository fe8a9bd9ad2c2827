with source as (
    select * from {{ source('raw', 'load_log') }}
),

renamed as (
    select
        source,
        source_file,
        status,
        file_hash,
        file_bytes,
        rows_read,
        rows_accepted,
        rows_quarantined,
        notes,
        message_en,
        message_th,
        origin
    from source
)

select * from renamed
