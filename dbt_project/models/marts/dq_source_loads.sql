-- What each landing file gave: rows read, accepted and quarantined, or why it was refused or
-- skipped. For auditors. When it was loaded and how long it took are the run's, not the data's:
-- they are in the run manifest, so that identical inputs publish identical tables.
select
    source,
    source_file,
    status,
    file_hash,
    file_bytes,
    rows_read,
    rows_accepted,
    rows_quarantined,
    rows_read = rows_accepted + rows_quarantined as counts_add_up,
    notes,
    message_en,
    message_th,
    origin
from {{ ref('stg_load_log') }}
