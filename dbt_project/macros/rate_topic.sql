{#
    A wide table of one people-rate indicator: its count, the population and the rate per 1,000,
    taken from the published indicator_values so that they carry its disclosure control.
#}
{% macro rate_topic(indicator_code, count_column, rate_column) -%}
    select
        area_level,
        area_code,
        area_name_th,
        area_name_en,
        fiscal_year,
        cast(denominator as {{ dbt.type_bigint() }}) as population,
        cast(numerator as {{ dbt.type_bigint() }}) as {{ count_column }},
        value as {{ rate_column }},
        is_suppressed
    from {{ ref('indicator_values') }}
    where indicator_code = '{{ indicator_code }}'
{%- endmacro %}
