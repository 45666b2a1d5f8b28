"""``small_pages`` turns NumPy's huge-page advice off for a block, and back as it was.

Large tables are built under it (``tokens``): where the kernel compacts memory
before handing out huge pages, the advice cost the 72 M-row token table of
100,000 long documents more time than building it.
"""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools._parallel import _hugepage_switch, small_pages


def test_the_switch_is_found_in_this_numpy() -> None:
    assert _hugepage_switch(np) is not None


def test_small_pages_turns_the_advice_off_inside_only() -> None:
    switch = _hugepage_switch(np)
    assert switch is not None
    before = switch(True)
    try:
        with small_pages():
            assert switch(False) is False  # off inside the block
        assert switch(True) is True  # back on afterwards
        with pytest.raises(ValueError, match="restored"), small_pages():
            raise ValueError("restored on error too")
        assert switch(True) is True
        switch(False)
        with small_pages():
            pass
        assert switch(False) is False  # left off when it was off
    finally:
        switch(before)


def test_a_numpy_without_the_switch_is_left_alone() -> None:
    class Bare:
        pass

    assert _hugepage_switch(Bare()) is None
