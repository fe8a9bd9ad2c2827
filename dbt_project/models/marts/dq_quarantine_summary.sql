-- Rejected rows counted by file and reason. Row contents stay in the warehouse.
select
    source,
    source_file,
    reason_code,
    column_name,
    message_en,
    message_th,
    count(*) as rows_quarantined,
    min(row_number) as first_row_number
from {{ ref('stg_quarantine') }}
group by source, source_file, reason_code, column_name, message_en, message_th
