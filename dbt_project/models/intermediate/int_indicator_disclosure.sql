-- Which cells of people-count indicators are hidden. Primary: a count of 1 to 4 people.
-- Secondary, level by level from the top, so that no hidden cell follows from published totals
-- (parent = sum of children): among the children of an area that is hidden, or that has a
-- hidden child, at least two are hidden (all of them if it has fewer), adding the smallest.
-- Counts of organisations, projects and budgets are not personal and are never hidden.
{% set levels = ['country', 'province', 'district', 'subdistrict'] %}

with cells as (
    select
        v.indicator_code,
        v.area_level,
        v.area_code,
        a.parent_code,
        v.fiscal_year,
        v.numerator,
        i.counts_people,
        i.counts_people and v.numerator between 1 and 4 as primary_hidden
    from {{ ref('int_indicator_values') }} v
    join {{ ref('dim_indicators') }} i on i.indicator_code = v.indicator_code
    join {{ ref('dim_areas') }} a on a.area_code = v.area_code and a.area_level = v.area_level
),

{% for level in levels %}
ranked_{{ level }} as (
    select
        c.*,
        {% if loop.first %}false{% else %}coalesce(p.hidden, false){% endif %} as parent_hidden,
        sum(case when c.primary_hidden then 1 else 0 end)
            over (partition by c.indicator_code, c.fiscal_year, c.parent_code) as hidden_siblings,
        count(*) over (partition by c.indicator_code, c.fiscal_year, c.parent_code) as siblings,
        row_number() over (partition by c.indicator_code, c.fiscal_year, c.parent_code, c.primary_hidden
                           order by c.numerator, c.area_code) as rank_among_same
    from cells c
    {%- if not loop.first %}
    left join hidden_{{ levels[loop.index0 - 1] }} p
        on p.indicator_code = c.indicator_code and p.fiscal_year = c.fiscal_year and p.area_code = c.parent_code
    {%- endif %}
    where c.area_level = '{{ level }}'
),

hidden_{{ level }} as (
    select
        indicator_code, area_level, area_code, fiscal_year,
        primary_hidden or (
            counts_people and (parent_hidden or hidden_siblings > 0)
            and rank_among_same <= (case when siblings < 2 then siblings else 2 end) - hidden_siblings
        ) as hidden
    from ranked_{{ level }}
){% if not loop.last %},{% endif %}
{% endfor %}

{% for level in levels %}
select * from hidden_{{ level }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
