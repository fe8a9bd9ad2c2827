{# One code list of dim_code_lists as a table of its own, in Thai and English: what a coded
   column of indicator_values points at, so that Datasette shows its words. #}
{% macro code_list_table(code_list) %}
select
    code,
    label_th,
    label_en,
    position
from {{ ref('dim_code_lists') }}
where code_list = '{{ code_list }}'
{% endmacro %}
