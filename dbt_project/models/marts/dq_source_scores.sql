-- The data-quality score of every source in every area (the parts of S1.1), for auditors.
-- The rows of the register, of the volunteers and of social assistance are people: for those
-- sources no count of rows is published, only shares and scores, and only at the area levels
-- an indicator counting those people is published for (social assistance: district and up).
with sources as (
    select distinct
        source,
        rows_are_people
    from {{ ref('stg_source_columns') }}
),

area_levels as (
    select distinct area_level from {{ ref('int_areas') }}
),

people_levels as (
    select distinct
        s.source,
        l.area_level
    from sources as s
    inner join {{ ref('stg_indicators') }} as i
        on
            i.counts_people
            and {{ dbt.concat(["';'", "i.sources", "';'"]) }} like {{ dbt.concat(["'%;'", "s.source", "';%'"]) }}
    inner join area_levels as l
        on {{ dbt.concat(["';'", "i.levels", "';'"]) }} like {{ dbt.concat(["'%;'", "l.area_level", "';%'"]) }}
    where s.rows_are_people
),

published as (
    select
        q.source,
        q.area_level,
        q.area_code,
        q.fiscal_year,
        case when not s.rows_are_people then q.rows_read end as rows_read,
        case when not s.rows_are_people then q.rows_accepted end as rows_accepted,
        case when not s.rows_are_people then q.rows_missing_required end as rows_missing_required,
        q.latest_record_fiscal_year,
        q.subdistricts_reporting,
        q.subdistricts,
        q.completeness,
        q.validity,
        q.timeliness,
        q.coverage,
        q.score
    from {{ ref('int_source_quality') }} as q
    inner join sources as s on q.source = s.source
    left join people_levels as p on q.source = p.source and q.area_level = p.area_level
    where not s.rows_are_people or p.source is not null
)

{{ with_area_names('published', [
    'source', 'fiscal_year', 'rows_read', 'rows_accepted', 'rows_missing_required', 'latest_record_fiscal_year',
    'subdistricts_reporting', 'subdistricts', 'completeness', 'validity', 'timeliness', 'coverage', 'score']) }}
