-- The data dictionary of every welfare source, as its contract defines it.
select * from {{ ref('stg_source_columns') }}
