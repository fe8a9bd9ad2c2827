-- The fiscal years reported, and the one before (a change is against it).
with fiscal_years as (
    select * from {{ ref('stg_fiscal_years') }}
),

first_reported as (
    select min(fiscal_year) as fiscal_year from fiscal_years
    where in_reporting_period
)

select
    y.fiscal_year,
    y.fiscal_year_ce,
    y.starts_on,
    y.ends_on,
    y.in_reporting_period
from fiscal_years as y
cross join first_reported as f
where y.in_reporting_period or y.fiscal_year = f.fiscal_year - 1
