-- The area levels, in Thai and English (area_level in indicator_values points here).
{{ code_list_table('area_level') }}
