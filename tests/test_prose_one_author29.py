"""Posts signed by one author are the page's own text, not a comment thread (session 29).

A blog's front page prints its posts one after another, each closed by the same
signature ("posted by Nate Johnson @ 12:30 AM 23 comments"). Before, three or more
such signatures read as a thread of readers' comments and every post after the first
went as ``block:comments`` (CleanEval dev: six pages with recall 0.005-0.26).
"""

from corpus_tools import clean_text
from corpus_tools.prose import comment_threads, load_prose_settings

POSTS = [
    "The council approved the plan on Monday after a debate of four hours in the town hall.",
    "Members said the new budget would pay for the roads and two new schools next year.",
    "// posted by Nate Johnson @ 12:30 AM 23 comments",
    "Saturday, March 26, 2005",
    "Will they run the letter or will they not? The paper has not said a word about it yet.",
    "// posted by Nate Johnson @ 7:59 PM 0 comments",
    "Monday, February 28, 2005",
    "The water bill sailed through the committee while the wage bill got stuck in it again.",
    "// posted by Nate Johnson @ 1:14 PM 0 comments",
    "Friday, February 11, 2005",
    "An open letter to the radio station about its feature on social security this week.",
    "// posted by Nate Johnson @ 11:41 PM 8 comments",
]


def _lines(doc):
    return [(i, v, None) for i, v in enumerate(doc)]


def test_posts_of_one_author_are_no_thread():
    assert comment_threads(_lines(POSTS), {}) == {}


def test_posts_of_one_author_kept_by_clean_text():
    # each post a few paragraphs long, as on a blog's front page
    more = (
        "The vote came after residents spoke for and against the proposal, and the mayor said "
        "that the town would hold another meeting before the work starts in the spring."
    )
    page = []
    for v in POSTS:
        page.append(v)
        if not ("posted by" in v or v.endswith("2005")):
            page += [f"Paragraph {k} of the post: {more}" for k in range(3)]
    clean, rows = clean_text("\n".join(page))
    assert POSTS[4] in clean and POSTS[7] in clean
    assert not any(r["rule"] == "block:comments" for r in rows)


def test_comments_of_several_readers_are_still_a_thread():
    names = iter(["Ann Lee", "Bo Diaz", "Cy Young", "Di Ross"])
    doc = [v.replace("Nate Johnson", next(names)) if "posted by" in v else v for v in POSTS]
    out = comment_threads(_lines(doc), {})
    assert sorted(out) == list(range(2, 12))
    assert out[4][0] == "block:comments"


def test_anonymous_signer_is_no_one_author():
    doc = [v.replace("Nate Johnson", "Anonymous") for v in POSTS]
    out = comment_threads(_lines(doc), {})
    assert sorted(out) == list(range(2, 12))


def test_signer_is_read_after_by():
    # signed "by" the same name in other frames: still one author
    doc = [v.replace("// posted by Nate Johnson @", "Posted by: Nate |") for v in POSTS]
    assert comment_threads(_lines(doc), {}) == {}
    # no name after "by" (a date and a permalink): nothing says one author wrote them all
    doc = [v.replace("// posted by Nate Johnson @", "Permalink | posted at") for v in POSTS]
    assert sorted(comment_threads(_lines(doc), {})) == list(range(2, 12))
    assert "anonymous" in load_prose_settings().anonymous_names
