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
