-- Areas at every level with their Thai and English names: the area dimension of every mart.
select * from {{ ref('int_areas') }}
