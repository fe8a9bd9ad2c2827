-- Every row read from a landing file, accepted or quarantined, with its subdistrict as given and,
-- for accepted rows, the fiscal year of its latest date: the input of the data-quality score.
{%- set latest_fiscal_year = {
    'welfare_registry': fiscal_year_be('coalesce(updated_on, registered_on)'),
    'welfare_orgs': 'certified_fiscal_year',
    'lao_budgets': 'fiscal_year',
    'population': 'population_year',
    'volunteers': fiscal_year_be('coalesce(left_on, joined_on)'),
    'network_partners': 'assessed_fiscal_year',
    'projects': 'fiscal_year',
    'fund_applications': 'fiscal_year',
    'sufficiency_villages': 'fiscal_year',
    'capacity_trainings': 'fiscal_year',
    'creative_media': 'fiscal_year',
    'local_databases': 'updated_fiscal_year',
    'social_assistance': 'fiscal_year',
} %}

{% for source, fiscal_year in latest_fiscal_year.items() %}
select
    '{{ source }}' as source,
    subdistrict_code,
    {{ fiscal_year }} as record_fiscal_year,
    true as is_accepted,
    false as is_missing_required
from {{ ref('stg_' ~ source) }}
union all
{% endfor %}
select
    source,
    subdistrict_code,
    cast(null as {{ dbt.type_int() }}) as record_fiscal_year,
    false as is_accepted,
    is_missing_required
from {{ ref('stg_quarantine') }}
