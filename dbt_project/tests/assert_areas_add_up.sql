{{ config(meta={"dagster": {"ref": {"name": "int_indicator_values"}}}) }}  -- an asset check on the indicator values

-- Before disclosure control, every area's numerator agrees with its sub-areas' (subdistricts →
-- district → province → country) as the catalogue's aggregation says: `sum` indicators equal
-- the sum; `distinct` ones (things counted once though they may appear in several sub-areas)
-- lie between the largest sub-area and the sum. Denominators (population) always sum.
with values_in_areas as (
    select
        v.indicator_code,
        i.aggregation,
        v.area_level,
        v.area_code,
        a.parent_code,
        v.fiscal_year,
        v.numerator,
        v.denominator
    from {{ ref('int_indicator_values') }} as v
    inner join {{ ref('stg_indicators') }} as i on v.indicator_code = i.indicator_code
    inner join {{ ref('int_areas') }} as a on v.area_level = a.area_level and v.area_code = a.area_code
    where i.aggregation in ('sum', 'distinct')
),

children as (
    select
        indicator_code,
        parent_code,
        fiscal_year,
        case area_level when 'subdistrict' then 'district' when 'district' then 'province' else 'country' end
            as parent_level,
        sum(numerator) as numerator_sum,
        max(numerator) as numerator_max,
        sum(denominator) as denominator_sum
    from values_in_areas
    where area_level in ('subdistrict', 'district', 'province')
    group by indicator_code, parent_code, fiscal_year, area_level
)

select
    p.indicator_code,
    p.area_level,
    p.area_code,
    p.fiscal_year,
    p.numerator,
    p.denominator,
    c.*
from values_in_areas as p
inner join children as c
    on
        p.indicator_code = c.indicator_code and p.area_level = c.parent_level
        and p.area_code = c.parent_code and p.fiscal_year = c.fiscal_year
where
    (p.aggregation = 'sum' and p.numerator <> c.numerator_sum)
    or (p.aggregation = 'distinct' and (p.numerator > c.numerator_sum or p.numerator < c.numerator_max))
    or p.denominator <> c.denominator_sum
