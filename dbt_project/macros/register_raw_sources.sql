{# Run before anything else (on-run-start). In DuckDB the raw tables are in the warehouse already.
   On Spark they are the Parquet files the warehouse exported (orchestration/spark.py) to the
   folder of var('raw_parquet'): each becomes a table of the raw database, read where it lies. #}
{% macro register_raw_sources() %}
    {{ return(adapter.dispatch('register_raw_sources')()) }}
{% endmacro %}

{% macro default__register_raw_sources() %}{% endmacro %}

{% macro spark__register_raw_sources() %}
    {% if execute %}
        {% set folder = var('raw_parquet') %}
        {% do run_query('create database if not exists raw') %}
        {% for source in graph.sources.values() if source.source_name == 'raw' %}
            {% do run_query('drop table if exists raw.' ~ source.name) %}
            {% do run_query(
                'create table raw.' ~ source.name ~ " using parquet location '"
                ~ folder ~ '/' ~ source.name ~ "'"
            ) %}
        {% endfor %}
    {% endif %}
{% endmacro %}
