with source as (
    select * from {{ source('raw', 'lao_budgets') }}
),

renamed as (
    select
        lao_code,
        lao_name,
        lao_type,
        subdistrict_code,
        fiscal_year,
        welfare_budget_allocated,
        welfare_budget_spent,
        coalesce(community_fund_contribution, 0) as community_fund_contribution,
        _source_file,
        _row_number
    from source
)

select * from renamed
