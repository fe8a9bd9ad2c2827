{#- Tables and views on DuckDB, replaced in place inside one transaction.

    dbt's own materializations build a model under a temporary name, rename the old relation
    away, rename the new one in and drop the old: a swap for databases whose DDL is not
    transactional. DuckDB's is, so dropping the old relation and creating the new one in a
    single transaction is just as atomic. The swap cost more than its statements: each rename or
    drop is an adapter call that renders a fresh macro context, 1.5 s of the 8 s dbt added to the
    SQL it ran on one province (README, "Benchmark").

    This project uses neither contracts, grants, indexes nor persisted docs, which dbt's own also
    handle. Hooks run as in dbt's own, except that a Python model's pre-hooks inside the
    transaction run once it is built, before it is renamed in. Spark keeps dbt's own. -#}

{% materialization table, adapter='duckdb', supported_languages=['sql', 'python'] %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set python = model['language'] == 'python' -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {%- if python %}
    {#- dbt-duckdb runs a Python model on a cursor of its own, outside this transaction: it is
        built under a temporary name first, then renamed in. -#}
    {%- set built_relation = make_intermediate_relation(target_relation) -%}
    {% call statement('drop_leftover', auto_begin=False) -%}
      drop table if exists {{ built_relation }}
    {%- endcall %}
    {% call statement('main', language='python') -%}
      {{ create_table_as(False, built_relation, compiled_code, 'python') }}
    {%- endcall %}
  {%- endif %}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {{ drop_for_replacement(load_cached_relation(this)) }}
  {%- if python %}
    {% call statement('rename_built') -%}
      alter table {{ built_relation }} rename to {{ adapter.quote(target_relation.identifier) }}
    {%- endcall %}
  {%- else %}
    {% call statement('main') -%}
      {{ create_table_as(False, target_relation, compiled_code) }}
    {%- endcall %}
  {%- endif %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{% materialization view, adapter='duckdb' %}
  {%- set target_relation = this.incorporate(type='view') -%}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}
  {{ drop_for_replacement(load_cached_relation(this)) }}
  {% call statement('main') -%}
    {{ create_view_as(target_relation, sql) }}
  {%- endcall %}
  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- The relation a model replaces, dropped in the model's transaction (a table may have become a
    view, or a view a table). A plain statement: adapter.drop_relation would render a macro
    context of its own. -#}
{% macro drop_for_replacement(existing) %}
  {%- if existing is not none -%}
    {% call statement('drop_replaced') -%}
      drop {{ existing.type }} {{ existing }}
    {%- endcall %}
  {%- endif -%}
{% endmacro %}
