select * from {{ ref('stg_indicators') }}
