with source as (
    select * from {{ source('raw', 'local_databases') }}
),

renamed as (
    select
        database_id,
        database_name,
        keeper,
        subdistrict_code,
        updated_on,
        {{ fiscal_year_be('updated_on') }} as updated_fiscal_year,
        records,
        upgrade_status,
        upgrade_status in {{ codes_in('upgrade_status', 'upgraded') }} as is_upgraded
    from source
)

select * from renamed
