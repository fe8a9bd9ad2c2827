-- One row per indicator × area × fiscal year with its target and progress: the long table
-- the public, analysts and the GX gate read.
with plan as (
    select
        *,
        'plan' as target_source
    from {{ ref('indicator_targets') }}
),

hidden as (
    -- A cell disclosure control hides, in every indicator that counts the same people (a count
    -- and its rate per 1,000 hide the same cells).
    select
        i.indicator_code,
        h.area_level,
        h.area_code,
        h.fiscal_year
    from {{ ref('int_hidden_cells') }} as h
    inner join {{ ref('stg_indicators') }} as i on h.disclosure_family = i.disclosure_family
),

published as (
    -- Hidden cells lose their value and numerator; previous values and changes are taken from
    -- what is published, so that they cannot reveal a hidden cell either.
    select
        v.indicator_code,
        v.area_level,
        v.area_code,
        v.area_name_th,
        v.area_name_en,
        v.fiscal_year,
        case when h.indicator_code is null then v.value end as value,
        case when h.indicator_code is null then v.numerator end as numerator,
        v.denominator,
        v.unit_en,
        v.unit_th,
        h.indicator_code is not null as is_suppressed,
        case when h.indicator_code is not null then 'suppressed' else v.null_reason end as null_reason
    from {{ ref('int_indicator_values') }} as v
    left join hidden as h
        on
            v.indicator_code = h.indicator_code and v.area_level = h.area_level
            and v.area_code = h.area_code and v.fiscal_year = h.fiscal_year
),

with_previous as (
    select
        published.*,
        lag(published.value) over (
            partition by published.indicator_code, published.area_level, published.area_code
            order by published.fiscal_year
        ) as previous_value
    from published
),

cascaded as (
    -- A district without a target of its own takes its province's, scaled by the district's own
    -- published baseline value (never a hidden one): the same relative change asked of every
    -- district.
    select
        p.indicator_code,
        d.area_code,
        p.baseline_year,
        d.value as baseline_value,
        p.target_year,
        d.value * p.target_value / p.baseline_value as target_value,
        p.is_demo,
        'cascaded' as target_source
    from plan as p
    inner join published as d
        on
            p.indicator_code = d.indicator_code and d.area_level = 'district'
            and substr(d.area_code, 1, 2) = p.area_code and p.baseline_year = d.fiscal_year
    where
        p.baseline_value != 0 and d.value is not null
        and not exists (
            select 1 from plan as own
            where own.indicator_code = d.indicator_code and own.area_code = d.area_code
        )
),

targets as (
    select * from plan
    union all
    select * from cascaded
),

valued as (
    select
        v.*,
        v.value - v.previous_value as change,
        i.direction,
        i.progress_method,
        t.baseline_year,
        t.baseline_value,
        t.target_year,
        t.target_value,
        t.is_demo as target_is_demo,
        t.target_source,
        -- Where the value should be by now if it moved in a straight line from baseline to target.
        t.baseline_value + (t.target_value - t.baseline_value)
        * (v.fiscal_year - t.baseline_year) / cast(t.target_year - t.baseline_year as double) as expected_value,
        -- Compound annual growth since the baseline, and the growth the target needs (Open SDG).
        case
            when v.value > 0 and t.baseline_value > 0 and v.fiscal_year > t.baseline_year
                then power(v.value / t.baseline_value, 1.0 / (v.fiscal_year - t.baseline_year)) - 1
        end as growth_observed,
        case
            when t.target_value > 0 and t.baseline_value > 0
                then power(t.target_value / t.baseline_value, 1.0 / (t.target_year - t.baseline_year)) - 1
        end as growth_needed
    from with_previous as v
    inner join {{ ref('stg_indicators') }} as i on v.indicator_code = i.indicator_code
    left join targets
        as t on v.indicator_code = t.indicator_code and v.area_code = t.area_code
    and v.fiscal_year >= t.baseline_year
),

judged as (
    select
        *,
        growth_observed / nullif(growth_needed, 0) as growth_ratio
    from valued
)

select
    indicator_code,
    area_level,
    area_code,
    area_name_th,
    area_name_en,
    fiscal_year,
    value,
    numerator,
    denominator,
    unit_en,
    unit_th,
    previous_value,
    change,
    baseline_year,
    baseline_value,
    target_year,
    target_value,
    target_is_demo,
    target_source,
    is_suppressed,
    null_reason,
    case
        when target_value is null then 'no_target'
        when value is null then 'no_data'
        when
            (direction = 'increase' and value >= target_value)
            or (direction = 'decrease' and value <= target_value) then 'achieved'
        when fiscal_year >= target_year then 'not_achieved'
        when progress_method = 'linear'
            then
                case
                    when
                        (direction = 'increase' and value >= expected_value)
                        or (direction = 'decrease' and value <= expected_value) then 'on_track'
                    else 'off_track'
                end
        -- Growth needs a year after the baseline and positive values to be measured.
        when growth_observed is null or growth_needed is null then 'no_data'
        -- A target equal to its baseline, not reached: the value moved the wrong way.
        when growth_ratio is null or growth_ratio < 0 then 'deterioration'
        when growth_ratio >= 0.95 then 'on_track'
        when growth_ratio >= 0.6 then 'acceleration_needed'
        else 'limited_progress'
    end as progress_status
from judged
