-- The source contracts, one row per column (orchestration/ingestion/contracts.py).
with source as (
    select * from {{ source('raw', 'source_columns') }}
)

select * from source
