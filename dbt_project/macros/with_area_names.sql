{#
    The rows of a relation keyed by area_level and area_code, with the area's Thai and English
    names after the key, then `columns` (expressions on the relation's alias r).
#}
{% macro with_area_names(relation, columns) -%}
select
    r.area_level,
    r.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    {%- for column in columns %}
    r.{{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from {{ relation }} r
join {{ ref('int_areas') }} a on a.area_level = r.area_level and a.area_code = r.area_code
{%- endmacro %}
