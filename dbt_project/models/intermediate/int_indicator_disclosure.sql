-- Which cells of people-count indicators are hidden. Primary: a count of 1 to 4 people.
-- Secondary, so that no hidden cell follows from published totals (parent = sum of children):
--   * districts: where exactly one district of a province is hidden, the smallest other is too;
--   * subdistricts: where a district is hidden, or any of its subdistricts is, at least two of
--     its subdistricts are hidden (all of them if it has fewer).
-- Counts of organisations, projects and budgets are not personal and are never hidden.
with cells as (
    select
        v.indicator_code,
        v.area_level,
        v.area_code,
        a.parent_code,
        v.fiscal_year,
        v.numerator,
        i.counts_people and v.numerator between 1 and 4 as primary_hidden,
        i.counts_people
    from {{ ref('int_indicator_values') }} v
    join {{ ref('dim_indicators') }} i on i.indicator_code = v.indicator_code
    join {{ ref('dim_areas') }} a on a.area_code = v.area_code and a.area_level = v.area_level
),

districts as (
    select
        *,
        sum(case when primary_hidden then 1 else 0 end)
            over (partition by indicator_code, fiscal_year, parent_code) as hidden_siblings,
        row_number() over (partition by indicator_code, fiscal_year, parent_code, primary_hidden
                           order by numerator, area_code) as rank_among_same
    from cells
    where area_level = 'district'
),

district_flags as (
    select
        indicator_code, area_code, fiscal_year,
        primary_hidden or (counts_people and hidden_siblings = 1 and rank_among_same = 1) as hidden
    from districts
),

subdistricts as (
    select
        s.*,
        coalesce(d.hidden, false) as parent_hidden,
        sum(case when s.primary_hidden then 1 else 0 end)
            over (partition by s.indicator_code, s.fiscal_year, s.parent_code) as hidden_siblings,
        count(*) over (partition by s.indicator_code, s.fiscal_year, s.parent_code) as siblings,
        row_number() over (partition by s.indicator_code, s.fiscal_year, s.parent_code, s.primary_hidden
                           order by s.numerator, s.area_code) as rank_among_same
    from cells s
    left join district_flags d
        on d.indicator_code = s.indicator_code and d.fiscal_year = s.fiscal_year and d.area_code = s.parent_code
    where s.area_level = 'subdistrict'
)

select indicator_code, 'district' as area_level, area_code, fiscal_year, hidden from district_flags
union all
select
    indicator_code, 'subdistrict', area_code, fiscal_year,
    primary_hidden or (
        counts_people and (parent_hidden or hidden_siblings > 0)
        and rank_among_same <= (case when siblings < 2 then siblings else 2 end) - hidden_siblings
    )
from subdistricts
union all
select indicator_code, area_level, area_code, fiscal_year, primary_hidden
from cells
where area_level = 'province'
