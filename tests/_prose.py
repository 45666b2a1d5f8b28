"""Article paragraphs shared by the cleaning tests (written for the tests)."""

P1 = (
    "The foreign ministers of the two countries met in the capital on Thursday and agreed "
    "that their governments would resume the talks that had been suspended in the spring, "
    "according to a statement issued by the ministry after the meeting."
)
P2 = (
    "Officials said the next round would take place in Geneva and that both sides had "
    "been asked to bring proposals on the disputed border, which has been the main "
    "obstacle to an agreement for more than a decade."
)


# Two body paragraphs of the title and template-context tests.
BODY = (
    "Talks between the two governments will resume in Geneva next week, after a pause of more "
    "than a month in which both sides had traded blame for the failure of the last round."
)
BODY2 = (
    "The envoy said on Monday that the delegations had agreed on an agenda and that the first "
    "meeting would deal with the prisoners held by both sides since the summer."
)
