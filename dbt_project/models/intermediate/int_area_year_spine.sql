-- Every area at every level × every reporting fiscal year, so that an area with nothing to
-- count shows 0 rather than disappearing. Every area of the country, not only those in scope,
-- so that the indicators depend on their own sources alone; int_indicator_values keeps the
-- areas in scope.
with years as (
    select
        fiscal_year,
        ends_on
    from {{ ref('stg_fiscal_years') }}
    where in_reporting_period
),

levels as (
    select
        area_level,
        area_code
    from {{ ref('int_areas') }}
)

select
    levels.area_level,
    levels.area_code,
    years.fiscal_year,
    years.ends_on as fiscal_year_ends_on
from levels
cross join years
