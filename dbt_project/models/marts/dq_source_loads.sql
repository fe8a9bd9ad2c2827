-- What each landing file gave: rows read, accepted and quarantined. For auditors.
select
    source,
    source_file,
    file_hash,
    rows_read,
    rows_accepted,
    rows_quarantined,
    rows_read = rows_accepted + rows_quarantined as counts_add_up,
    loaded_at,
    duration_s
from {{ source('raw', 'load_log') }}
