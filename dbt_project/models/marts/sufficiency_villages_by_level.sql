-- Villages assessed under the sufficiency-economy village programme, per area, fiscal year and
-- the level reached. Villages are not people.
with counted as (
    {{ by_area_level(located(ref('stg_sufficiency_villages')), 'count(distinct village_code) as villages',
        fiscal_year='reporting_year', by=['sufficiency_level', 'is_sufficiency_village'],
        country_if_several_provinces=true) }}
)

{{ with_area_names('counted', ['fiscal_year', 'sufficiency_level', 'is_sufficiency_village',
                                'villages']) }}
