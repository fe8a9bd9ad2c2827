select fiscal_year, fiscal_year_ce, starts_on, ends_on
from {{ source('raw', 'fiscal_years') }}
