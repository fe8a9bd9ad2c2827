{# Written by `welfare generate` from orchestration/metadata: edit the registry, not this file. #}

{# The models of the indicators in the catalogue (seeds/indicators.csv), in its order. #}
{% macro indicator_models() %}{{ return(['int_indicator_s1_1', 'int_indicator_s1_2', 'int_indicator_s2_1', 'int_indicator_s2_2', 'int_indicator_s2_3', 'int_indicator_s2_4', 'int_indicator_s2_5', 'int_indicator_s2_6', 'int_indicator_s3_1', 'int_indicator_s3_2', 'int_indicator_s3_3', 'int_indicator_s3_4', 'int_indicator_s4_1', 'int_indicator_s4_2', 'int_indicator_s4_3', 'int_indicator_d1_1', 'int_indicator_d1_2', 'int_indicator_d2_1']) }}{% endmacro %}

{# The Thai fiscal year (Buddhist Era) of a date: FY2567 runs 1 Oct 2023 to 30 Sep 2024. #}
{% macro fiscal_year_be(day) -%}
    (extract(year from {{ day }}) + 543 + case when extract(month from {{ day }}) >= 10 then 1 else 0 end)
{%- endmacro %}

{# The codes of a list that an indicator rule selects (a category in orchestration/metadata/codes.py),
   as a SQL list: `org_type in {{ codes_in('org_type', 'public_benefit') }}`. #}
{% macro codes_in(code_list, category) -%}
{%- set categories = {
    'org_type': {'public_benefit': "('มูลนิธิ', 'สมาคม', 'องค์กรภาคเอกชน')", 'community_welfare': "('องค์กรสวัสดิการชุมชน')", 'state': "('ส่วนราชการ', 'องค์กรปกครองส่วนท้องถิ่น')"},
    'certification_status': {'pending': "('รับเรื่อง')", 'certified': "('อนุกรรมการรับรอง', 'ส่งใบสำคัญ', 'ประกาศราชกิจจานุเบกษา')", 'refused': "('ไม่รับรอง')"},
    'lao_type': {'province_wide': "('อบจ.')"},
    'volunteer_status': {'active': "('ปฏิบัติงาน')", 'left': "('พ้นสภาพ')"},
    'pass_fail': {'passed': "('ผ่าน')", 'failed': "('ไม่ผ่าน')"},
    'yes_no': {'yes': "('ใช่')", 'no': "('ไม่ใช่')"},
    'sufficiency_level': {'sufficient': "('พออยู่พอกิน', 'อยู่ดีกินดี', 'มั่งมีศรีสุข')", 'not_yet': "('ยังไม่ผ่านเกณฑ์')"},
    'media_decision': {'approved': "('ผ่านการพิจารณา')", 'rejected': "('ไม่ผ่านการพิจารณา')"},
    'upgrade_status': {'upgraded': "('ยกระดับแล้ว')"},
} -%}
{{ categories[code_list][category] }}
{%- endmacro %}

{# How many codes a list has: the sexes a subdistrict's population is reported by. #}
{% macro code_count(code_list) -%}
{{ {'sex': 2, 'target_group': 6, 'exit_reason': 4, 'org_type': 6, 'certification_status': 5, 'lao_type': 5, 'volunteer_status': 2, 'sector': 7, 'pass_fail': 2, 'funding_source': 5, 'yes_no': 2, 'application_status': 3, 'sufficiency_level': 4, 'media_field': 5, 'media_decision': 2, 'upgrade_status': 3, 'problem': 6, 'assistance': 5, 'area_level': 4, 'progress_status': 9, 'progress_method': 2, 'target_source': 2, 'null_reason': 4, 'direction': 2, 'aggregation': 3, 'on_new_file': 2, 'load_status': 3, 'suppression': 2, 'severity': 2, 'field_type': 7}[code_list] }}
{%- endmacro %}
