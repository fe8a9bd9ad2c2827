-- The data-quality score behind S1.1, per source and area, each component 0-100:
--   completeness  share of rows read with every required field filled; for the population, which
--                 is a grid (every subdistrict reports each sex every year), the share of the
--                 grid's cells present in the reporting years, so a missing row counts too;
--   validity      share of rows read that were accepted;
--   timeliness    100 if the newest accepted record is dated in the reporting year (the last
--                 fiscal year in scope), 25 points less per year older, 0 with no record;
--   coverage      share of the area's subdistricts with at least one accepted record.
-- score is their mean. A source with no rows in an area scores 0 on every component there.
-- A rejected row counts in the subdistrict it names if that exists, else in the district or
-- province its code begins with; rows naming no recognisable area count nowhere (see
-- dq_quarantine_summary). Ingestion counts the rows per file and subdistrict (stg_source_areas).
-- Shares divide by doubles: Spark would round a quotient of decimals to a few places.
{% set reporting_year = "(select max(fiscal_year) from " ~ ref('stg_fiscal_years') ~ " where in_reporting_period)" %}

with areas as (
    select
        subdistrict_code,
        district_code,
        province_code
    from {{ ref('int_areas_in_scope') }}
),

districts as (
    select distinct district_code from areas
),

provinces as (
    select distinct province_code from areas
),

placed as (
    select
        r.*,
        s.subdistrict_code as subdistrict_in_scope,
        d.district_code,
        p.province_code,
        case when p.province_code is not null then 'TH' end as country_code
    from {{ ref('stg_source_areas') }} as r
    left join areas as s on r.subdistrict_code = s.subdistrict_code
    left join districts as d on substring(r.subdistrict_code, 1, 4) = d.district_code
    left join provinces as p on substring(r.subdistrict_code, 1, 2) = p.province_code
),

counted as (
    {%- for level, code in [('subdistrict', 'subdistrict_in_scope'), ('district', 'district_code'),
                            ('province', 'province_code'), ('country', 'country_code')] %}
        select
            source,
            '{{ level }}' as area_level,
            {{ code }} as area_code,
            cast(sum(rows_read) as {{ dbt.type_bigint() }}) as rows_read,
            cast(sum(rows_accepted) as {{ dbt.type_bigint() }}) as rows_accepted,
            cast(sum(rows_missing_required) as {{ dbt.type_bigint() }}) as rows_missing_required,
            max(latest_record_fiscal_year) as latest_record_fiscal_year,
            count(distinct case when rows_accepted > 0 then subdistrict_in_scope end) as subdistricts_reporting
        from placed
        where {{ code }} is not null
        group by source, {{ code }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

area_sizes as (
    select
        'subdistrict' as area_level,
        subdistrict_code as area_code,
        1 as subdistricts
    from areas
    union all
    select
        'district' as area_level,
        district_code as area_code,
        count(*) as subdistricts
    from areas
    group by district_code
    union all
    select
        'province' as area_level,
        province_code as area_code,
        count(*) as subdistricts
    from areas
    group by province_code
    union all
    select
        'country' as area_level,
        'TH' as area_code,
        count(*) as subdistricts
    from areas
    having {{ several_provinces_loaded() }}
),

-- The country's grid is that of the provinces in scope, as its coverage is.
population_cells as (
    select
        p.area_level,
        p.area_code,
        p.cells_reported,
        p.cells_expected
    from {{ ref('int_population_by_area') }} as p
    where p.area_level <> 'country'
    union all
    select
        'country' as area_level,
        'TH' as area_code,
        p.cells_reported,
        p.cells_expected
    from {{ ref('int_population_by_area') }} as p
    inner join provinces on p.area_code = provinces.province_code
    where p.area_level = 'province'
),

population_grid as (
    select
        area_level,
        area_code,
        100.0 * sum(cells_reported) / cast(sum(cells_expected) as double) as completeness
    from population_cells
    group by area_level, area_code
),

sources as (
    select distinct source from {{ ref('stg_source_columns') }}
),

components as (
    select
        sources.source,
        a.area_level,
        a.area_code,
        {{ reporting_year }} as fiscal_year,
        coalesce(c.rows_read, 0) as rows_read,
        coalesce(c.rows_accepted, 0) as rows_accepted,
        coalesce(c.rows_missing_required, 0) as rows_missing_required,
        c.latest_record_fiscal_year,
        coalesce(c.subdistricts_reporting, 0) as subdistricts_reporting,
        a.subdistricts,
        case
            when sources.source = 'population' then coalesce(g.completeness, 0)
            else coalesce(100.0 * (c.rows_read - c.rows_missing_required) / cast(c.rows_read as double), 0)
        end as completeness,
        coalesce(100.0 * c.rows_accepted / cast(c.rows_read as double), 0) as validity,
        case
            when c.latest_record_fiscal_year is null then 0
            when c.latest_record_fiscal_year >= {{ reporting_year }} then 100
            else greatest(0, 100 - 25 * ({{ reporting_year }} - c.latest_record_fiscal_year))
        end as timeliness,
        100.0 * coalesce(c.subdistricts_reporting, 0) / cast(a.subdistricts as double) as coverage
    from sources
    cross join area_sizes as a
    left join counted as c on sources.source = c.source and a.area_level = c.area_level and a.area_code = c.area_code
    left join population_grid as g on a.area_level = g.area_level and a.area_code = g.area_code
)

select
    *,
    (completeness + validity + timeliness + coverage) / 4 as score
from components
