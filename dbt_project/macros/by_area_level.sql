{#
    Aggregate a relation carrying subdistrict_code, district_code and province_code to every
    area level, by fiscal year (none for a snapshot) and by the columns in `by`. A row with a
    NULL code at a level (an อบจ. covers its whole province, so it has no subdistrict or
    district) counts only at the levels it has.
#}
{% macro by_area_level(relation, measures, fiscal_year='fiscal_year', by=[]) -%}
    {%- set keys = ([fiscal_year] if fiscal_year else []) + by %}
    {%- for level in ['subdistrict', 'district', 'province'] %}
    select
        '{{ level }}' as area_level,
        {{ level }}_code as area_code,
        {%- if fiscal_year %} {{ fiscal_year }} as fiscal_year,{% endif %}
        {%- for column in by %} {{ column }},{% endfor %}
        {{ measures }}
    from {{ relation }}
    where {{ level }}_code is not null
    group by {{ ([level ~ '_code'] + keys) | join(', ') }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}
