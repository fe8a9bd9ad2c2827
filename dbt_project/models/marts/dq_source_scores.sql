-- The data-quality score of every source in every area (the parts of S1.1), for auditors.
{{ with_area_names(ref('int_source_quality'), [
    'source', 'fiscal_year', 'rows_read', 'rows_accepted', 'rows_missing_required', 'latest_record_fiscal_year',
    'subdistricts_reporting', 'subdistricts', 'completeness', 'validity', 'timeliness', 'coverage', 'score']) }}
