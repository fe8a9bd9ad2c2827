-- Welfare projects per area and fiscal year, by the sector that runs them and the source of
-- their funding. Beneficiary counts are left out: they count people and are not suppressed here.
with counted as (
    {{ by_area_level(located(ref('stg_projects')), "
        count(distinct project_id) as projects,
        count(distinct case when applies_sufficiency_economy then project_id end) as sufficiency_economy_projects,
        sum(budget) as budget", fiscal_year='reporting_year', by=['sector', 'funding_source'],
        country_if_several_provinces=true) }}
)

{{ with_area_names('counted', ['fiscal_year', 'sector', 'funding_source', 'projects',
                                'sufficiency_economy_projects', 'budget']) }}
