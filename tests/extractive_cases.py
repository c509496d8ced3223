"""A hand-made cluster that the extractive pipeline's tests (pool, selection, ordering) share."""

from mdsum.model import Cluster, Document


def document(doc_id, *sentences, date=None):
    return Document(doc_id, " ".join(sentences), sentences, date=date)


# Sentence 0: later news; 1 and 3 state the same fact; 2 and 4 share a quote; "Bridge Reopens" is a heading.
CLUSTER = Cluster(
    "c",
    [
        document("late", "A follow-up story reports that the inquiry into the bridge closed today.", date="2024-05-01"),
        document(
            "early",
            "Bridge Reopens",
            "The city council reopened the Harbour Bridge on Monday after a long repair.",
            'The mayor called it "a promise kept to every commuter" at the ceremony.',
            date="2024-03-04",
        ),
        document(
            "undated",
            "The Harbour Bridge was reopened by the city council on Monday after a long repair.",
            '"A promise kept to every commuter," the mayor said to the crowd on the bridge.',
        ),
    ],
)
