{#
    Aggregate a relation carrying subdistrict_code, district_code and province_code to every
    area level, by fiscal year (none for a snapshot) and by the columns in `by`. A row with a
    NULL code at a level (an อบจ. covers its whole province, so it has no subdistrict or
    district) counts only at the levels it has. The country level (code TH) is always computed
    (int_indicator_values keeps it when several provinces are loaded), unless
    `country_if_several_provinces`: then only when the relation's own rows span several provinces.
#}
{% macro by_area_level(relation, measures, fiscal_year='fiscal_year', by=[], country_if_several_provinces=false) -%}
    {%- set keys = ([fiscal_year] if fiscal_year else []) + by %}
    {%- for level in ['subdistrict', 'district', 'province', 'country'] %}
    {%- set code = "'TH'" if level == 'country' else level ~ '_code' %}
    {%- set group_by = (keys if level == 'country' else [code] + keys) %}
    select
        '{{ level }}' as area_level,
        {{ code }} as area_code,
        {%- if fiscal_year %} {{ fiscal_year }} as fiscal_year,{% endif %}
        {%- for column in by %} {{ column }},{% endfor %}
        {{ measures }}
    from {{ relation }}
    where {{ 'province' if level == 'country' else level }}_code is not null
    {%- if level == 'country' and country_if_several_provinces %}
        and (select count(distinct province_code) from {{ relation }}) > 1
    {%- endif %}
    {% if group_by %}group by {{ group_by | join(', ') }}{% endif %}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{% macro several_provinces_loaded() -%}
    (select count(distinct province_code) from {{ ref('int_areas_in_scope') }}) > 1
{%- endmacro %}
