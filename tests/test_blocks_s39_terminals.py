"""A page whose prose ends its sentences with another script's full stop keeps its paragraphs.

A BBC Burmese page saved as crawler text (newspaper4k's test page) lost every paragraph:
Burmese has no stop list, so lines are judged by length and sentence punctuation, and the
Myanmar section mark ``။`` was no sentence end; the only "good" line was the footer's
copyright sentence (ended by ``.``), so the body was taken to be the footer. The page
below is written for the test in the same shape: menus, a headline, paragraphs ended by
``။``, related links, a footer.
"""

from __future__ import annotations

from pathlib import Path

import corpus_tools as ct
from corpus_tools.blocks import _ends_sentence, _has_sentence_punct, line_features

# one paragraph of about 300 characters, ended by the Myanmar section mark
_PARA = (
    "မြို့နယ် တရားရုံး က ယနေ့ သတင်းထောက် သုံးဦး ကို အာမခံ ပေးလိုက်ပြီ လို့ "
    "ရှေ့နေ က အတည်ပြု ပြောပါတယ်၊ အမှု ကို နောက်လ ဆက်လက် ကြားနာ မှာ ဖြစ်ပြီး "
    "သတင်းမီဒီယာ ကောင်စီ က လည်း ညှိနှိုင်း ဖြေရှင်း ဖို့ တိုက်တွန်း ထားပါတယ်။ "
    "မိသားစု ဝင်တွေ က တော့ ဒီ ဆုံးဖြတ်ချက် ကို ကြိုဆို ကြောင်း ပြောကြားပါတယ်။"
)
_PAGE = [
    "Homepage",
    "Menu",
    "News",
    "Sport",
    "Weather",
    "မြန်မာ့ရေးရာ",
    "နိုင်ငံတကာ",
    "အားကစား",
    "သတင်းထောက် သုံးဦး အာမခံ ရ",
    "26 October 2018",
    "Share",
    _PARA,
    _PARA.replace("ယနေ့", "မနေ့က"),
    _PARA.replace("သုံးဦး", "နှစ်ဦး"),
    "Related",
    "မီဒီယာ",
    "သတင်းပညာ",
    "Top stories",
    "Terms of Use",
    "Privacy Policy",
    "Copyright © 2018 BBC. The BBC is not responsible for the content of external sites.",
]


def test_other_scripts_sentence_ends_count() -> None:
    assert _ends_sentence(_PARA)
    assert _ends_sentence("सरकार ने आज नई नीति की घोषणा की।")  # Devanagari danda
    assert _ends_sentence("ይህ ዜና ዛሬ ተሰራጨ።")  # Ethiopic full stop
    assert not _ends_sentence("မြန်မာ့ရေးရာ")
    assert _has_sentence_punct("ရှေ့နေ က အတည်ပြု ပြောပါတယ်။ အမှု ကို")


def test_burmese_paragraph_is_good_without_a_stop_list() -> None:
    f = line_features(_PARA, use_stopwords=False)
    assert f.cls == "good", f.reason


def test_burmese_page_keeps_its_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("\n".join(_PAGE) + "\n", encoding="utf-8")
    c = ct.load_corpus(tmp_path, n_jobs=1)
    text = c.docs["text"].iloc[0]
    lines = text.splitlines()
    assert sum(line.endswith("ပါတယ်။") for line in lines) == 3
    assert "Copyright" not in text and "Privacy Policy" not in text
    assert "Homepage" not in lines and "Terms of Use" not in lines
    assert ct.reconstruct(c, c.docs["doc_id"].iloc[0]) == "\n".join(_PAGE) + "\n"
