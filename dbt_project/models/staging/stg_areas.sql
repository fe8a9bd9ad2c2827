select * from {{ source('raw', 'areas') }}
