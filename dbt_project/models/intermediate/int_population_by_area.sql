-- Registered population per area and year: the denominator of every rate per 1,000 people.
-- DOPA counts people on 31 December, which falls in the fiscal year of the same number.
{{ by_area_level(located(ref('stg_population'), fiscal_year='population_year'),
    'sum(population) as population', fiscal_year='reporting_year') }}
