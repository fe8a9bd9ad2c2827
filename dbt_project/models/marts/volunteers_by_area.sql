-- Volunteers (อพม.) active at each fiscal-year end per 1,000 registered population (D2.1).
{{ rate_topic('D2.1', 'active_volunteers', 'volunteers_per_1000') }}
