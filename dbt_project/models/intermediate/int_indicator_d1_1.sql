-- D1.1 people in the welfare register at the fiscal-year end, per 1,000 population.
{{ rate_indicator('D1.1', ref('int_registered_people_by_area')) }}
