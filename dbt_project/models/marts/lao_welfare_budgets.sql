-- Welfare budgets of local administrative organisations per area and fiscal year: what was
-- allocated, what was spent, and what went to community welfare funds. Budgets are not personal.
with summed as (
    {{ by_area_level(ref('int_lao_budgets_located'), "
        count(distinct lao_code) as laos_reporting,
        count(distinct case when welfare_budget_allocated > 0 then lao_code end) as laos_allocating_welfare,
        sum(welfare_budget_allocated) as welfare_budget_allocated,
        sum(welfare_budget_spent) as welfare_budget_spent,
        sum(community_fund_contribution) as community_fund_contribution") }}
)

select
    s.area_level,
    s.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    s.fiscal_year,
    s.laos_reporting,
    s.laos_allocating_welfare,
    s.welfare_budget_allocated,
    s.welfare_budget_spent,
    case when s.welfare_budget_allocated > 0
        then 100.0 * s.welfare_budget_spent / s.welfare_budget_allocated
    end as spent_pct_of_allocated,
    s.community_fund_contribution
from summed s
join {{ ref('dim_areas') }} a on a.area_level = s.area_level and a.area_code = s.area_code
