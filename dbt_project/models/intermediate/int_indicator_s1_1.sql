-- S1.1 the welfare database's quality: the mean of the data-quality scores of every source in
-- the area (see int_source_quality). It measures the database as loaded, so it is reported for
-- the last fiscal year in scope only.
select
    'S1.1' as indicator_code,
    area_level,
    area_code,
    fiscal_year,
    cast(null as double) as numerator,
    cast(null as double) as denominator,
    avg(score) as value,
    cast(null as {{ dbt.type_string() }}) as null_reason
from {{ ref('int_source_quality') }}
group by area_level, area_code, fiscal_year
