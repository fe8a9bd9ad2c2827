select fiscal_year, fiscal_year_ce, starts_on, ends_on
from {{ ref('stg_fiscal_years') }}
where fiscal_year between {{ var('first_fiscal_year') }} - 1 and {{ var('last_fiscal_year') }}
