-- Rejected rows by source, reason and the district or province they name, for auditors looking
-- for where the problems are. Sources whose rows are people are left out, as from every
-- data-quality table by area: a count of their rejected rows is a count of people (their files'
-- totals are in dq_quarantine_summary). Rows naming no existing area are in dq_quarantine_summary
-- only. There is no fiscal year: a rejected row's date is often what is wrong with it.
with people_sources as (
    select distinct source as people_source from {{ ref('stg_source_columns') }}
    where rows_are_people
),

quarantined as (
    select
        source,
        reason_code,
        subdistrict_code
    from {{ ref('stg_quarantine') }}
    where source not in (select ps.people_source from people_sources as ps)
),

placed as (
    select
        source,
        reason_code,
        'district' as area_level,
        substring(subdistrict_code, 1, 4) as area_code
    from quarantined
    union all
    select
        source,
        reason_code,
        'province' as area_level,
        substring(subdistrict_code, 1, 2) as area_code
    from quarantined
),

final as (
    select
        placed.source,
        placed.reason_code,
        placed.area_level,
        placed.area_code,
        count(*) as rows_quarantined
    from placed
    inner join {{ ref('int_areas') }} as areas
        on placed.area_level = areas.area_level and placed.area_code = areas.area_code
    group by placed.source, placed.reason_code, placed.area_level, placed.area_code
)

select * from final
