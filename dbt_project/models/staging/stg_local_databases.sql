with source as (
    select * from {{ source('raw', 'local_databases') }}
)

select
    database_id,
    database_name,
    keeper,
    subdistrict_code,
    updated_on,
    {{ fiscal_year_be('updated_on') }} as updated_fiscal_year,
    records,
    upgrade_status,
    upgrade_status = 'ยกระดับแล้ว' as is_upgraded
from source
