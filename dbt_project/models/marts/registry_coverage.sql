-- People in the welfare target-group register per 1,000 registered population (D1.1).
{{ rate_topic('D1.1', 'registered_people', 'registered_per_1000') }}
