"""pytest runs ``--doctest-modules`` on ``notebooks/``: do not import the py:percent sources.

Importing ``01_corpus_overview.py`` would run the whole notebook as a module; the
notebooks are tested by nbval (the .ipynb) and by ``tests/test_notebooks.py``.
"""

collect_ignore_glob = ["0*.py", "solutions/0*.py"]
