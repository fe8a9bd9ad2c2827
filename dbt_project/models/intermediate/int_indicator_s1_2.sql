-- S1.2 local databases upgraded (status ยกระดับแล้ว) and updated within the fiscal year.
with counted as (
    {{ by_area_level(located(ref('stg_local_databases'), 'is_upgraded', 'updated_fiscal_year'),
        'count(distinct database_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('S1.2', 'counted') }}
