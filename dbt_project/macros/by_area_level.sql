{#
    Aggregate a relation carrying subdistrict_code, district_code and province_code to every
    area level. A row with a NULL code at a level (an อบจ. covers its whole province, so it has
    no subdistrict or district) counts only at the levels it has.
#}
{% macro by_area_level(relation, measures, fiscal_year='fiscal_year') -%}
    {%- for level in ['subdistrict', 'district', 'province'] %}
    select '{{ level }}' as area_level, {{ level }}_code as area_code, {{ fiscal_year }} as fiscal_year, {{ measures }}
    from {{ relation }}
    where {{ level }}_code is not null
    group by {{ level }}_code, {{ fiscal_year }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}
