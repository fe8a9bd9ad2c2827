with source as (
    select * from {{ source('raw', 'source_columns') }}
),

renamed as (
    select
        source,
        source_title_th,
        source_title_en,
        on_new_file,
        rows_are_people,
        column_name,
        header_th,
        type,
        required,
        in_primary_key,
        code_list,
        personal_data,
        title_en,
        title_th,
        description_en,
        description_th
    from source
)

select * from renamed
