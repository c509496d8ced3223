"""Content planning: what a summary of several articles says, in what order, and dated how.

Sentences that state the same content across articles become themes (`themes`), weighted
by how many articles state them; the timeline (`timeline`) places each theme by its
articles' dates and the days it states; selection (`select`) picks themes by weight and
novelty under the word budget and writes each one's sentence with its date markers. Both
the extractive `themes` summariser and the abstractive plan rewrite work from the `Plan`.
"""
