{#
    Rows of a relation with a subdistrict_code, placed in their district and province, for
    by_area_level. `where` filters them; `fiscal_year` names the column that dates them.
    Rows are placed over every area, not only those in scope, so that what is counted depends on
    its own source alone: files of other sources do not make it count again.
#}
{% macro located(relation, where='true', fiscal_year='fiscal_year') -%}
    (
        select r.*, {{ fiscal_year }} as reporting_year, a.district_code, a.province_code
        from {{ relation }} r
        join {{ ref('stg_areas') }} a on a.subdistrict_code = r.subdistrict_code
        where {{ where }}
    ) as located_rows
{%- endmacro %}

{#
    A stock counted at each fiscal-year end: rows of a relation joined to every reporting year
    for which `condition` holds (it may use y.starts_on and y.ends_on).
#}
{% macro located_each_year(relation, condition) -%}
    (
        select r.*, y.fiscal_year as reporting_year, a.district_code, a.province_code
        from {{ relation }} r
        join {{ ref('stg_areas') }} a on a.subdistrict_code = r.subdistrict_code
        join {{ ref('stg_fiscal_years') }} y
            on y.in_reporting_period
            and {{ condition }}
    ) as located_rows
{%- endmacro %}
