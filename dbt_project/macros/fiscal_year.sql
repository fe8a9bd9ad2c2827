{# Thai fiscal year in Buddhist Era: FY2567 runs 1 Oct 2023 to 30 Sep 2024. #}
{% macro fiscal_year_be(date_expr) -%}
    (extract(year from {{ date_expr }}) + 543 + case when extract(month from {{ date_expr }}) >= 10 then 1 else 0 end)
{%- endmacro %}
