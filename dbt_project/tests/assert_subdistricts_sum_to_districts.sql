-- Count indicators are additive: the subdistricts of a district sum to the district. S3.2's
-- อบจ. sits at province level only, so this compares subdistrict → district.
with sub as (
    select v.indicator_code, a.parent_code as district_code, v.fiscal_year, sum(v.numerator) as total
    from {{ ref('int_indicator_values') }} v
    join {{ ref('dim_areas') }} a on a.area_code = v.area_code and a.area_level = 'subdistrict'
    where v.area_level = 'subdistrict' and v.indicator_code in ('S2.1', 'S3.2')
    group by v.indicator_code, a.parent_code, v.fiscal_year
)

select sub.*, d.numerator as district_total
from sub
join {{ ref('int_indicator_values') }} d
    on d.indicator_code = sub.indicator_code and d.area_level = 'district'
    and d.area_code = sub.district_code and d.fiscal_year = sub.fiscal_year
where d.numerator <> sub.total
