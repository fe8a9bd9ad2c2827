-- Welfare budgets of local administrative organisations per area and fiscal year: what was
-- allocated, what was spent, and what went to community welfare funds. Budgets are not personal.
with summed as (
    {{ by_area_level(ref('int_lao_budgets_located'), "
        count(distinct lao_code) as laos_reporting,
        count(distinct case when welfare_budget_allocated > 0 then lao_code end) as laos_allocating_welfare,
        sum(welfare_budget_allocated) as welfare_budget_allocated,
        sum(welfare_budget_spent) as welfare_budget_spent,
        sum(community_fund_contribution) as community_fund_contribution", country_if_several_provinces=true) }}
),

with_share as (
    select
        *,
        case
            when welfare_budget_allocated > 0
                then 100.0 * cast(welfare_budget_spent as double) / cast(welfare_budget_allocated as double)
        end as spent_pct_of_allocated
    from summed
)

{{ with_area_names('with_share', [
    'fiscal_year', 'laos_reporting', 'laos_allocating_welfare', 'welfare_budget_allocated', 'welfare_budget_spent',
    'spent_pct_of_allocated', 'community_fund_contribution']) }}
