{#
    A rate per `per` people on the full area × year spine: `counted` gives the numerator, the
    registered population of the area in that year the denominator. A rate on a population with
    rows missing is not published (null_reason says why), nor one with no population at all.
#}
{% macro rate_indicator(indicator_code, counted, per=1000) -%}
    select
        '{{ indicator_code }}' as indicator_code,
        s.area_level,
        s.area_code,
        s.fiscal_year,
        coalesce(c.numerator, 0) as numerator,
        case when p.is_complete then cast(p.population as double) end as denominator,
        case when p.is_complete and p.population > 0
            then {{ per }} * coalesce(c.numerator, 0) / cast(p.population as double) end as value,
        case
            when p.population is null or p.population = 0 then 'no_population'
            when not p.is_complete then 'population_incomplete'
        end as null_reason
    from {{ ref('int_area_year_spine') }} s
    left join {{ counted }} c using (area_level, area_code, fiscal_year)
    left join {{ ref('int_population_by_area') }} p using (area_level, area_code, fiscal_year)
{%- endmacro %}
