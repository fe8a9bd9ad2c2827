"""The public portal: home, indicator and area pages, downloads and API docs, drawn by
``publish/plugins/portal.py`` from the published database alone."""
