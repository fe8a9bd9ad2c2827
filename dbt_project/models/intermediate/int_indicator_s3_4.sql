-- S3.4 organisations that proposed a project to the social welfare promotion fund in the year.
with counted as (
    {{ by_area_level(located(ref('stg_fund_applications')), 'count(distinct org_id) as numerator',
        fiscal_year='reporting_year') }}
)

{{ count_indicator('S3.4', 'counted') }}
