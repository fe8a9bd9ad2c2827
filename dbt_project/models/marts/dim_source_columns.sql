-- The data dictionary of every welfare source, as its contract defines it.
select * from {{ source('raw', 'source_columns') }}
