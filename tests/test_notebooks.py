"""Structure and freshness of the committed notebooks (curated and solutions).

``pytest --nbval`` re-executes the notebooks and compares outputs; these
tests check what nbval does not: that every notebook agrees with its
py:percent source (cell types, text, tags), that a notebook was executed
after its code last changed (not stale), in order, without errors or stderr noise,
that it follows the teaching anatomy (goals, setup, parameters, data, method,
steps with interpretation, limitations, exercises, references), and that a
notebook run on a corpus other than the seeds says nothing about the seeds
once its ``seeds-only`` cells are removed.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest
from notebook_cells import SETUP_SOURCE as SETUP

from corpus_tools.report import SEEDS_ONLY_TAG as SEEDS_ONLY

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # run_notebooks imports sync_notebooks: one module, not two
    spec.loader.exec_module(module)
    return module


sync_notebooks = _tool("sync_notebooks")
run_notebooks = _tool("run_notebooks")

CURATED = sorted(NB_DIR.glob("0*.ipynb"))
SOLUTIONS = sorted((NB_DIR / "solutions").glob("0*.ipynb"))
ALL = CURATED + SOLUTIONS
IDS = [p.relative_to(NB_DIR).as_posix() for p in ALL]
SOURCES = sorted(NB_DIR.glob("0*.py")) + sorted((NB_DIR / "solutions").glob("0*.py"))


def _read(path: Path):
    return nbformat.read(str(path), as_version=4)


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _headings(nb) -> list[str]:
    out = []
    for c in nb.cells:
        if c.cell_type == "markdown":
            out += [ln.lstrip("#").strip() for ln in c.source.splitlines() if ln.startswith("#")]
    return out


def test_there_are_notebooks():
    assert CURATED, "no notebooks/0*.ipynb found"


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_not_stale(path):
    nb = _read(path)
    assert not run_notebooks.is_stale(nb), (
        f"{path.relative_to(ROOT)} is stale: its code cells changed since it was last executed. "
        f"Run `python tools/run_notebooks.py {path.relative_to(ROOT)}` and commit the result."
    )


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_executed_in_order_without_errors(path):
    nb = _read(path)
    cells = _code(nb)
    for i, cell in enumerate(cells, start=1):
        if not cell.source.strip():  # empty exercise cells are not executed
            assert cell.execution_count is None and not cell.outputs, (
                f"{path.name}: empty code cell {i} has outputs"
            )
    counts = [c.execution_count for c in cells if c.source.strip()]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n; restart and run all "
        "(python tools/run_notebooks.py)."
    )
    for i, cell in enumerate(_code(nb), start=1):
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: code cell {i} stored an error"
        pairs = zip(cell.outputs, cell.outputs[1:], strict=False)
        assert not any(
            a.output_type == b.output_type == "stream" and a.name == b.name for a, b in pairs
        ), f"{path.name}: code cell {i} has split stream outputs; run tools/run_notebooks.py"
        for out in cell.outputs:
            if out.output_type == "stream":
                assert out.name == "stdout", (
                    f"{path.name}: code cell {i} writes to stderr (a warning or progress bar): "
                    f"{out.text[:200]!r}"
                )


FORBIDDEN_OUTPUT = [
    (re.compile(r"(?<![\w.])/(?:home|Users|tmp|work|root|var)/"), "an absolute path"),
    (re.compile(r"[A-Za-z]:\\\\"), "a Windows path"),
    (re.compile(r"0x[0-9a-f]{6,}"), "a memory address"),
    (re.compile(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d"), "a timestamp"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "a random uuid"),
]


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_outputs_are_stable(path):
    nb = _read(path)
    for i, cell in enumerate(_code(nb), start=1):
        for out in cell.outputs:
            texts = [out.get("text", "")]
            for mime, value in out.get("data", {}).items():
                if mime.startswith("image/"):
                    continue
                texts.append(value if isinstance(value, str) else str(value))
            for text in texts:
                for pattern, what in FORBIDDEN_OUTPUT:
                    m = pattern.search(text)
                    assert not m, f"{path.name}: cell {i} output contains {what}: {m.group()!r}"
            html = out.get("data", {}).get("text/html", "")
            if "Plotly.newPlot" in html:
                assert re.search(r'id="nb\d\d-[\w-]+"', html), (
                    f"{path.name}: code cell {i} shows a plotly figure without a fixed div id; "
                    "use plots.show_plotly(fig, div_id='nbXX-name')"
                )


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_setup_and_parameters_cells(path):
    cells = _code(nb := _read(path))
    assert cells[0].source == SETUP, f"{path.name}: the first code cell must be the setup cell"
    params = cells[1]
    assert "parameters" in params.metadata.get("tags", []), (
        f"{path.name}: the second code cell must be tagged 'parameters'"
    )
    names = []
    for stmt in ast.parse(params.source).body:
        assert isinstance(stmt, ast.Assign) and len(stmt.targets) == 1, (
            f"{path.name}: the parameters cell holds only assignments"
        )
        target = stmt.targets[0]
        assert isinstance(target, ast.Name) and target.id.isupper(), (
            f"{path.name}: parameter names are UPPER_CASE"
        )
        ast.literal_eval(stmt.value)  # literals only
        names.append(target.id)
    assert names[0] == "CORPUS"
    for line in params.source.splitlines():
        assert "#" in line, f"{path.name}: every parameter has a comment: {line!r}"
    assert sum("parameters" in c.metadata.get("tags", []) for c in nb.cells) == 1


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_public_api_only(path):
    for cell in _code(_read(path)):
        src = cell.source
        assert not re.search(r"^\s*(from|import)\s+corpus_tools\.", src, re.M), (
            f"{path.name}: import only the public API (corpus_tools, corpus_tools.plots)"
        )
        assert "!pip" not in src and "nltk.download" not in src and "%time" not in src
        assert not re.search(r"\bct\._|\bplots\._", src), f"{path.name}: private name used"


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_anatomy(path):
    nb = _read(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for phrase in ("learning goals", "who", "time", "prerequisites"):
        assert phrase in text.lower(), f"{path.name}: missing {phrase!r}"
    heads = [h.lower() for h in _headings(nb)]
    for section in ("setup", "the data", "limitations", "your turn", "references"):
        assert any(h.startswith(section) for h in heads), f"{path.name}: no '{section}' section"
    assert "method" in text.lower(), f"{path.name}: no method paragraph"
    assert heads[-1] == "references", f"{path.name}: the notebook ends with References"
    assert (NB_DIR / "solutions" / path.name).is_file(), f"no solutions/{path.name}"


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_code_cells_are_short_and_interpreted(path):
    nb = _read(path)
    run = 0
    for i, cell in enumerate(nb.cells):
        placeholder = all(
            ln.strip().startswith("#") or not ln.strip() for ln in cell.source.splitlines()
        )  # an exercise cell
        if cell.cell_type == "code" and not placeholder:
            # statements, not screen lines: `ruff format` spreads one long call over several
            n_stmts = sum(isinstance(n, ast.stmt) for n in ast.walk(ast.parse(cell.source)))
            n_lines = len(cell.source.splitlines())
            assert n_stmts <= 12 and n_lines <= 25, (
                f"{path.name}: cell {i} has {n_stmts} statements on {n_lines} lines "
                "(keep cells short: at most 12 statements, 25 lines)"
            )
            run += 1
            assert run <= 3, f"{path.name}: cell {i}: more than 3 code cells without prose between"
        elif cell.cell_type == "markdown":
            run = 0


def test_source_hash_detects_an_edit(tmp_path):
    nb = _read(CURATED[0])
    assert not run_notebooks.is_stale(nb)
    nb.cells[-1].source += " "  # markdown edits do not need re-execution
    assert not run_notebooks.is_stale(nb)
    code = _code(nb)[2]
    code.source = code.source.replace(" = ", "=") + "  # a comment"
    assert not run_notebooks.is_stale(nb)  # layout and comments do not change outputs
    code.source = code.source + "\n1"
    assert run_notebooks.is_stale(nb)
    code.source = code.source[:-2]
    code.metadata["tags"] = ["nbval-skip"]  # a new tag changes what nbval does
    assert run_notebooks.is_stale(nb)


def test_run_notebooks_check_mode(tmp_path, capsys):
    nb = _read(CURATED[0])
    _code(nb)[2].source += "\n1"
    stale = tmp_path / "stale.ipynb"
    nbformat.write(nb, str(stale))
    assert run_notebooks.main(["--check", str(stale)]) == 1
    assert "stale:" in capsys.readouterr().out
    assert run_notebooks.main(["--check", str(CURATED[0])]) == 0


# --- notebooks and their py:percent sources --------------------------------------------------


def test_every_notebook_has_a_source_and_every_source_a_notebook():
    assert [sync_notebooks.notebook_of(p) for p in SOURCES] == ALL


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_notebook_agrees_with_its_source(path):
    src = sync_notebooks.source_of(path)
    text = src.read_text(encoding="utf-8")
    from_source = sync_notebooks.cell_keys(sync_notebooks.from_text(text, src))
    in_notebook = sync_notebooks.cell_keys(_read(path))
    assert from_source == in_notebook, (
        f"{path.relative_to(ROOT)} and its source disagree: "
        f"{sync_notebooks.first_difference(from_source, in_notebook)}. "
        f"Run `python tools/sync_notebooks.py {src.relative_to(ROOT)}` (see CONTRIBUTING.md)."
    )
    # the source is written as jupytext writes it, so a save from JupyterLab changes nothing
    assert sync_notebooks.to_text(_read(path), src) == text, (
        f"{src.relative_to(ROOT)} is not in jupytext's layout; run "
        f"`python tools/sync_notebooks.py --prefer source {src.relative_to(ROOT)}` then "
        f"`python tools/sync_notebooks.py --prefer notebook {src.relative_to(ROOT)}`"
    )


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_cell_ids_are_unique(path):
    ids = [c.id for c in _read(path).cells]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_solutions_use_the_parameters_of_their_notebook(path):
    def params(nb_path):
        cell = next(c for c in _read(nb_path).cells if "parameters" in c.metadata.get("tags", []))
        return {ln.split("=")[0].strip(): ln for ln in cell.source.splitlines()}

    main, solved = params(path), params(NB_DIR / "solutions" / path.name)
    main.pop("CORPUS"), solved.pop("CORPUS")  # the solutions live one folder deeper
    assert solved == main


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_solutions_repeat_references_and_data_source_verbatim(path):
    # a solutions notebook is its own pair of files; what it repeats must not drift
    shared = {c.source for c in _read(path).cells if c.cell_type == "markdown"}
    for cell in _read(NB_DIR / "solutions" / path.name).cells:
        if cell.source.startswith(("## References", "Data (default corpus)")):
            assert cell.source in shared, f"solutions/{path.name}: {cell.source[:40]!r} differs"


SMALL_SOURCE = """# %% [markdown]
# # Title

# %%
x = 1

# %% tags=["seeds-only"]
x + 1
"""


@pytest.fixture()
def small_pair(tmp_path, monkeypatch):
    """A notebook and its source in a temporary folder, both 'committed' as they are now."""
    (tmp_path / "jupytext.toml").write_text((NB_DIR / "jupytext.toml").read_text())
    src = tmp_path / "01_small.py"
    src.write_text(SMALL_SOURCE, encoding="utf-8")
    assert sync_notebooks.sync(src) == "notebook created from source"
    nb = _read(src.with_suffix(".ipynb"))
    nb.cells[2].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"})]
    nb.cells[2].execution_count = 2
    nbformat.write(nb, str(src.with_suffix(".ipynb")))
    committed = {p: p.read_text(encoding="utf-8") for p in (src, src.with_suffix(".ipynb"))}
    monkeypatch.setattr(sync_notebooks, "_committed", lambda p: committed.get(p))
    return src


def test_sync_source_edit_keeps_ids_tags_and_outputs(small_pair):
    ipynb = small_pair.with_suffix(".ipynb")
    before = _read(ipynb)
    assert [c.id for c in before.cells] == [
        sync_notebooks.stable_id(i, c.source, set()) for i, c in enumerate(before.cells)
    ]
    small_pair.write_text(
        SMALL_SOURCE.replace("# # Title", "# # New title") + "\n# %%\ny = 3\n", "utf-8"
    )
    assert sync_notebooks.sync(small_pair) == "notebook updated from source"
    after = _read(ipynb)
    assert [c.id for c in after.cells[:3]] == [c.id for c in before.cells]
    assert after.cells[0].source == "# New title"
    assert after.cells[2].outputs == before.cells[2].outputs
    assert after.cells[2].metadata["tags"] == ["seeds-only"]
    assert after.cells[3].source == "y = 3" and after.cells[3].outputs == []
    assert after.cells[3].id == sync_notebooks.stable_id(3, "y = 3", set())
    assert sync_notebooks.sync(small_pair) == "in sync"


def test_sync_edited_cell_keeps_its_id_and_outputs_next_to_an_inserted_cell(small_pair):
    before = _read(small_pair.with_suffix(".ipynb"))
    edited = SMALL_SOURCE.replace(
        '# %% tags=["seeds-only"]\nx + 1', "# %% [markdown]\n# New prose\n\n# %%\nx + 10"
    )
    small_pair.write_text(edited, "utf-8")
    assert sync_notebooks.sync(small_pair) == "notebook updated from source"
    after = _read(small_pair.with_suffix(".ipynb"))
    assert [c.source for c in after.cells] == ["# Title", "x = 1", "New prose", "x + 10"]
    assert after.cells[3].id == before.cells[2].id
    assert after.cells[3].outputs == before.cells[2].outputs  # stale until re-run
    assert "tags" not in after.cells[3].metadata
    assert after.cells[2].id == sync_notebooks.stable_id(2, "New prose", set())


def test_sync_twice_after_two_source_edits_is_no_conflict(small_pair, monkeypatch):
    monkeypatch.setattr(sync_notebooks, "_committed", lambda p: None)  # no commit to go by
    small_pair.write_text(SMALL_SOURCE.replace("x = 1", "x = 3"), "utf-8")
    assert sync_notebooks.sync(small_pair) == "notebook updated from source"
    small_pair.write_text(SMALL_SOURCE.replace("x = 1", "x = 4"), "utf-8")
    assert sync_notebooks.sync(small_pair) == "notebook updated from source"
    nb = _read(small_pair.with_suffix(".ipynb"))
    assert nb.cells[1].source == "x = 4"
    assert sync_notebooks.recorded_hash(nb) == sync_notebooks.cells_hash(
        sync_notebooks.cell_keys(nb)
    )


def test_sync_pulls_a_notebook_edit_into_the_source(small_pair):
    ipynb = small_pair.with_suffix(".ipynb")
    nb = _read(ipynb)
    nb.cells[1].source = "x = 2"  # as JupyterLab without jupytext saves it
    nb.cells[2].metadata["tags"] = []
    nbformat.write(nb, str(ipynb))
    assert sync_notebooks.sync(small_pair) == "source updated from notebook"
    text = small_pair.read_text(encoding="utf-8")
    assert "x = 2" in text and "seeds-only" not in text
    assert _read(ipynb).cells[2].outputs  # the notebook itself is untouched
    assert sync_notebooks.main(["--check", str(small_pair)]) == 0


def test_sync_refuses_a_conflict_and_loses_neither_edit(small_pair):
    ipynb = small_pair.with_suffix(".ipynb")
    nb = _read(ipynb)
    nb.cells[1].source = "x = 2"
    nbformat.write(nb, str(ipynb))
    small_pair.write_text(SMALL_SOURCE.replace("x = 1", "x = 3"), "utf-8")
    before = small_pair.read_bytes(), ipynb.read_bytes()
    with pytest.raises(sync_notebooks.SyncConflict, match="both changed.*--prefer source"):
        sync_notebooks.sync(small_pair)
    assert sync_notebooks.main([str(small_pair)]) == 1
    assert run_notebooks.main([str(small_pair)]) == 1  # nothing is executed either
    assert (small_pair.read_bytes(), ipynb.read_bytes()) == before
    assert sync_notebooks.sync(small_pair, prefer="notebook") == "source updated from notebook"
    assert "x = 2" in small_pair.read_text(encoding="utf-8")


# --- run on a corpus that is not the seeds -------------------------------------------------

# Facts about the seed corpus: its name, its outlets, its people, its shape.
SEED_FACTS = re.compile(
    r"(?<!random )\bseeds\b|\bseed (?:articles?|corpus)\b|Straits Times|\bTASS\b|\bSCMP\b|"
    r"South China Morning Post|News site|"
    r"Bogdanov|Zhai|Soleimani|Geng Shuang|Viktorov|five articles|one per outlet|"
    r"five documents|January 2020|2020 article|October 2023",
    re.IGNORECASE,
)
_ACTORS = ["France", "Germany", "Brazil", "India", "Japan", "Canada", "the United Nations"]
_TOPICS = ["fishing rights", "a river treaty", "grain prices", "a rail link", "water sharing"]
_OUTLETS = ["Harbour Gazette", "$x^$ Valley_Courier", "新华社 Plains"]  # labels hostile to figures


def _other_corpus(folder: Path, n: int = 30) -> Path:
    """Write ``n`` short generated news items from three outlets plus a metadata sidecar."""
    folder.mkdir()
    rows = ["file,outlet,published"]
    for i in range(n):
        a, b = _ACTORS[i % len(_ACTORS)], _ACTORS[(i * 3 + 1) % len(_ACTORS)]
        topic = _TOPICS[i % len(_TOPICS)]
        text = (
            f"{a} and {b} resume talks on {topic}\n\n"
            f"{a} said on Monday that talks with {b} on {topic} would continue next week. "
            f'"We want a fair agreement for both sides," the foreign minister of {a} said. '
            f"About {100 + 7 * i} delegates attended, according to officials. "
            f"Critics accused {b} of delaying the talks.\n"
        )
        name = f"item_{i:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{_OUTLETS[i % 3]},2021-03-{1 + i % 14:02d}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory):
    return _other_corpus(tmp_path_factory.mktemp("other") / "corpus")


def _texts_of(cell) -> list[str]:
    texts = [] if cell.cell_type == "code" else [cell.source]
    for out in cell.get("outputs", []):
        texts.append(out.get("text", ""))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/"):
                texts.append(value if isinstance(value, str) else "".join(value))
    return texts


def test_seed_facts_pattern():
    assert SEED_FACTS.search("On the seeds the pair is The Straits Times and TASS")
    assert SEED_FACTS.search("Five articles, one per outlet")
    assert not SEED_FACTS.search("The most similar pair is Harbour Gazette and Plains Tribune")


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_notebook_on_another_corpus_states_no_seed_facts(path, other_corpus, tmp_path):
    from nbclient import NotebookClient

    nb = _read(path)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source += f"\nCORPUS = {str(other_corpus)!r}  # injected by the test"
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    shown = [c for c in nb.cells if SEEDS_ONLY not in c.metadata.get("tags", [])]
    assert len(shown) < len(nb.cells), f"{path.name}: no cell is tagged {SEEDS_ONLY!r}"
    found = []
    for i, cell in enumerate(shown):
        if "parameters" in cell.metadata.get("tags", []):
            continue  # names the default path, ../seeds
        for text in _texts_of(cell):
            for m in SEED_FACTS.finditer(text):
                found.append(
                    f"cell {i} ({cell.cell_type}): {text[max(0, m.start() - 60) : m.end() + 60]!r}"
                )
    assert not found, f"{path.name} on another corpus states facts about the seeds:\n" + "\n".join(
        found
    )
    # seed parameters are replaced by choices from the corpus, and no empty table is shown raw
    outputs = "\n".join(t for c in shown if c.cell_type == "code" for t in _texts_of(c))
    chosen = {
        "01_corpus_overview.ipynb": "KWIC_TERM not set; using ",
        "03_stance_and_framing.ipynb": "TARGETS not set; using the six most mentioned actors",
        "04_actor_cooccurrence.ipynb": "EGO_ACTOR not set; using the most connected actor, ",
    }
    if path.name in chosen:
        assert chosen[path.name] in outputs, path.name
    for raw in ("Columns: [actor_a", "Series([]", " 0 occurrences of ", "any of the targets"):
        assert raw not in outputs, f"{path.name} on another corpus shows {raw!r}"
    # no Python warning on the page (a glyph the font lacks, a mathtext label, a kernel path)
    warned = [
        f"cell {i}: {out.get('text', '')[:200]!r}"
        for i, cell in enumerate(shown)
        for out in cell.get("outputs", [])
        if out.get("name") == "stderr" and re.search(r"\w*Warning\b|/tmp/|ipykernel", out["text"])
    ]
    assert not warned, f"{path.name} on another corpus prints warnings:\n" + "\n".join(warned)


@pytest.mark.parametrize("path", ALL, ids=IDS)
def test_parameters_cell_is_readable_by_papermill(path: Path) -> None:
    # papermill's parameter inspection skips (and warns about, on the user's screen) any
    # line with a second '=', e.g. in its comment
    cell = next(c for c in _read(path).cells if "parameters" in c.metadata.get("tags", []))
    lines = [
        ln for ln in cell.source.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]
    assert all(ln.count("=") == 1 for ln in lines), lines


def test_run_notebooks_out_executes_a_copy_and_keeps_the_committed_file(small_pair, tmp_path):
    ipynb = small_pair.with_suffix(".ipynb")
    before = ipynb.read_bytes()
    out = tmp_path / "run"
    assert run_notebooks.main(["--out", str(out), str(small_pair)]) == 0
    assert ipynb.read_bytes() == before
    ran = _read(out / ipynb.name)
    assert ran.cells[2].outputs[0]["data"]["text/plain"] == "2"
    assert [c.id for c in ran.cells] == [c.id for c in _read(ipynb).cells]
    assert not run_notebooks.is_stale(ran)


def test_sync_without_a_record_goes_by_the_last_commit(small_pair):
    ipynb = small_pair.with_suffix(".ipynb")
    nb = _read(ipynb)
    del nb.metadata["corpus_tools"]["cells_hash"]  # a notebook never synced by this tool
    nbformat.write(nb, str(ipynb))
    small_pair.write_text(SMALL_SOURCE.replace("x = 1", "x = 5"), "utf-8")
    assert sync_notebooks.sync(small_pair, write=False) == "notebook updated from source"
    nb.cells[1].source = "x = 6"
    nbformat.write(nb, str(ipynb))
    with pytest.raises(sync_notebooks.SyncConflict, match="since the last commit"):
        sync_notebooks.sync(small_pair)


# words of the package's own methods that the seeds also happen to use
_METHOD_WORDS = {"framing", "stance", "mention", "mentions", "resolution", "ties"}


def _exercise_words(nb) -> set[str]:
    """Words of 4+ letters in the 'Your turn' Markdown cells a report shows (not seeds-only)."""
    words: set[str] = set()
    inside = False
    for cell in nb.cells:
        head = cell.source.lstrip() if cell.cell_type == "markdown" else ""
        if head.startswith("## "):
            inside = head.startswith("## Your turn")
        if inside and head and SEEDS_ONLY not in cell.metadata.get("tags", []):
            words |= set(re.findall(r"[A-Za-z]{4,}", cell.source))
    return words


@pytest.mark.parametrize("path", CURATED, ids=[p.name for p in CURATED])
def test_exercises_a_report_shows_name_no_seed_topic(path: Path) -> None:
    # session 31: notebook 01's exercise asked for "ceasefire" on every corpus, 03's for
    # Israel and a humanitarian frame, 04's for the United States and the Gaza Strip; a
    # seed-specific suggestion goes in a seeds-only cell after the exercise
    import corpus_tools as ct

    seeds = ct.load_corpus(ROOT / "seeds")
    seed_words = {w.lower() for t in seeds.docs["text"] for w in re.findall(r"[A-Za-z]{4,}", t)}
    common = (ROOT / "corpus_tools" / "data" / "common_words.txt").read_text(encoding="utf-8")
    ordinary = {w for w in common.split() if not w.startswith("#")} | _METHOD_WORDS
    topical = sorted(w for w in _exercise_words(_read(path)) if w.lower() in seed_words - ordinary)
    assert topical == [], f"{path.name}: exercises name seed topics {topical}"
