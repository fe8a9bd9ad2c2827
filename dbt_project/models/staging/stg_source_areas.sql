-- Per file and subdistrict, what ingestion read: the inputs of the data-quality score.
with source as (
    select * from {{ source('raw', 'source_areas') }}
),

renamed as (
    select
        source,
        source_file,
        subdistrict_code,
        rows_read,
        rows_accepted,
        rows_missing_required,
        latest_record_fiscal_year
    from source
)

select * from renamed
