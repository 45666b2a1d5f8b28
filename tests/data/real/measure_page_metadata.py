"""Measure page metadata (outlet, date, provenance) on trafilatura's evaluation pages.

Held-out check for ``corpus_tools.io`` page metadata: the pages in trafilatura's
``tests/eval/`` (923 pages, many languages and site types) were never looked at
while writing the code. Their URLs in ``tests/evaldata.json`` give a weak gold:

* a page whose outlet came from its own URL should name that URL's host;
* a URL with a full date in its path (``/2019/06/19/``) gives the publication
  day, to compare with a date the loader took from the page's markup.

Usage (nothing is downloaded: point it at a local trafilatura checkout)::

    python tests/data/real/measure_page_metadata.py PATH/TO/trafilatura/tests
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from trafilatura.utils import load_html

from corpus_tools.io.html import page_metadata, url_host

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")


def main(tests: Path) -> None:
    gold = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    n = with_outlet = with_date = 0
    out_src: Counter[str] = Counter()
    date_src: Counter[str] = Counter()
    host_ok = host_n = day_ok = day_n = 0
    t0 = time.perf_counter()
    for url, item in gold.items():
        path = tests / "eval" / str(item.get("file", ""))
        if not path.is_file():
            continue
        tree = load_html(path.read_bytes())
        if tree is None:
            continue
        n += 1
        meta = page_metadata(tree)
        if meta.get("outlet"):
            with_outlet += 1
            out_src[meta["outlet_source"]] += 1
            if meta["outlet_source"] == "url":
                host_n += 1
                host_ok += meta["outlet"] == url_host(url)
        if meta.get("published") is not None:
            with_date += 1
            date_src[meta["published_source"]] += 1
            m = URL_DATE.search(url)
            if m and meta["published_source"] != "url":
                day_n += 1
                day_ok += meta["published"].strftime("%Y-%m-%d") == "-".join(m.groups())
    secs = time.perf_counter() - t0
    print(f"pages: {n}   metadata time: {1000 * secs / max(n, 1):.0f} ms/page")
    print(f"outlet found: {with_outlet} ({with_outlet / n:.0%})  by source: {dict(out_src)}")
    print(f"  outlet from the URL equals the host of the page's real URL: {host_ok}/{host_n}")
    print(f"date found: {with_date} ({with_date / n:.0%})  by source: {dict(date_src)}")
    print(f"  markup date equals the date in the page's real URL: {day_ok}/{day_n}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
