"""Two short articles about one event, pasted into the demo by its library, API and load tests."""

ARTICLES = [
    "The council approved the new budget on Monday after a long debate. "
    "The budget raises school spending by ten percent. Critics said the plan ignores roads.",
    "On Monday the city council passed its budget. School spending rises by ten percent under the plan. "
    "The mayor welcomed the vote.",
]
