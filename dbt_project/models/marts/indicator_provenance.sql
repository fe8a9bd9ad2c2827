-- From a published number to its files: for each indicator and area that indicator_values
-- publishes, the landing files (name and SHA-256) whose accepted rows lie in that area, among
-- the sources the catalogue names for the indicator. One row per indicator × area × file, the
-- same for every fiscal year: a file is an export spanning the years, and ingestion counts its
-- rows per subdistrict, not per year. A source whose rows are people is traced to districts and
-- above only, so that which subdistricts hold a person's record is not published.
{%- set levels = [
    ('subdistrict', 'subdistrict_code'),
    ('district', 'substring(subdistrict_code, 1, 4)'),
    ('province', 'substring(subdistrict_code, 1, 2)'),
    ('country', "'TH'"),
] %}

with published as (
    select distinct
        indicator_code,
        area_level,
        area_code
    from {{ ref('indicator_values') }}
),

indicators as (
    select
        indicator_code,
        sources
    from {{ ref('stg_indicators') }}
),

people_sources as (
    select distinct source as people_source from {{ ref('stg_source_columns') }}
    where rows_are_people
),

files as (
    select
        a.source,
        a.source_file,
        l.file_hash,
        a.subdistrict_code
    from {{ ref('stg_source_areas') }} as a
    inner join {{ ref('stg_load_log') }} as l
        on a.source_file = l.source_file and l.status = 'loaded'
    where a.rows_accepted > 0
),

located as (
    {%- for level, code in levels %}
        select distinct
            source,
            source_file,
            file_hash,
            '{{ level }}' as area_level,
            {{ code }} as area_code
        from files
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select
        p.indicator_code,
        p.area_level,
        p.area_code,
        l.source,
        l.source_file,
        l.file_hash
    from published as p
    inner join indicators as i on p.indicator_code = i.indicator_code
    inner join located as l
        on
            p.area_level = l.area_level
            and p.area_code = l.area_code
            and (
                i.sources = 'all sources'
                or {{ dbt.concat(["';'", "i.sources", "';'"]) }} like {{ dbt.concat(["'%;'", "l.source", "';%'"]) }}
            )
    where not (p.area_level = 'subdistrict' and l.source in (select ps.people_source from people_sources as ps))
)

select * from final
