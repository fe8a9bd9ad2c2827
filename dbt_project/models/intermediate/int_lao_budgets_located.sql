-- LAO budgets placed in the area each LAO serves. A provincial administrative organisation
-- (อบจ.) serves its whole province, so it has no subdistrict or district.
select
    b.lao_code,
    b.lao_type,
    b.fiscal_year,
    case when b.lao_type not in {{ codes_in('lao_type', 'province_wide') }} then a.subdistrict_code end
        as subdistrict_code,
    case when b.lao_type not in {{ codes_in('lao_type', 'province_wide') }} then a.district_code end as district_code,
    a.province_code,
    b.welfare_budget_allocated,
    b.welfare_budget_spent,
    b.community_fund_contribution
from {{ ref('stg_lao_budgets') }} as b
inner join {{ ref('stg_areas') }} as a on b.subdistrict_code = a.subdistrict_code
