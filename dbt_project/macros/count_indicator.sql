{#
    A count indicator on the full area × year spine: areas with nothing counted show 0.
    `counted` is a relation with area_level, area_code, fiscal_year and numerator.
#}
{% macro count_indicator(indicator_code, counted) -%}
    select
        '{{ indicator_code }}' as indicator_code,
        s.area_level,
        s.area_code,
        s.fiscal_year,
        coalesce(c.numerator, 0) as numerator,
        cast(null as double) as denominator,
        cast(coalesce(c.numerator, 0) as double) as value,
        cast(null as {{ dbt.type_string() }}) as null_reason
    from {{ ref('int_area_year_spine') }} s
    left join {{ counted }} c using (area_level, area_code, fiscal_year)
{%- endmacro %}
