with source as (
    select * from {{ source('raw', 'quarantine') }}
)

select
    source,
    source_file,
    row_number,
    reason_code,
    subdistrict_code,
    -- DuckDB list function: there is no cross-database macro for array membership.
    list_contains(all_reasons, 'missing_required') as is_missing_required
from source
