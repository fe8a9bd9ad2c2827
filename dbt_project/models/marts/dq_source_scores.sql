-- The data-quality score of every source in every area (the parts of S1.1), for auditors.
select
    q.source,
    q.area_level,
    q.area_code,
    a.name_th as area_name_th,
    a.name_en as area_name_en,
    q.fiscal_year,
    q.rows_read,
    q.rows_accepted,
    q.rows_missing_required,
    q.latest_record_fiscal_year,
    q.subdistricts_reporting,
    q.subdistricts,
    q.completeness,
    q.validity,
    q.timeliness,
    q.coverage,
    q.score
from {{ ref('int_source_quality') }} q
join {{ ref('dim_areas') }} a on a.area_level = q.area_level and a.area_code = q.area_code
