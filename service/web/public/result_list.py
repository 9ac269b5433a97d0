"""The results of ``/`` as HTML, written in Python (issue 16): twenty results were half of a search page's
render in Jinja (an attribute lookup, an escape and a generator step for each of a dozen values per result).

The markup is the one ``templates/public/_result.html`` shows as a Jinja macro; ``tests/test_public_fast_paths.py``
renders both for decisions in every Part 2 state, with and without summary, reference and snippet, and
asserts they are the same. Every value from the database is escaped (``markupsafe.escape``); the snippet is
already escaped :class:`~markupsafe.Markup` (:func:`service.domain.search_index.highlighted`).
"""

from __future__ import annotations

from functools import lru_cache

from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from service.infra.uk_dates import uk_date
from service.web.public.status import part2_tag

TAGS = {"released": "govuk-tag--green", "withheld": "govuk-tag--yellow"}
SUMMARY_CHARS = 220


def result_items(env, decisions, links) -> Markup:
    """The ``<li>`` of each decision, in order (``env``: the Jinja environment, for its truncate policy)."""
    out = []
    for d in decisions:
        p = d.paper
        state, short = part2_tag(d.part2)
        meta = f"{escape(p.reference)} · " if p.reference else ""
        out.append(
            '        <li class="app-result">\n'
            '          <h3 class="govuk-heading-s app-result__title">\n'
            f'            <a class="govuk-link" href="{escape(links.decision(p.slug))}">'
            f"{escape(p.title or p.reference or p.slug)}</a>\n"
            "          </h3>\n"
            f'          <p class="app-result__meta">{meta}Published {_day(d.published_on)}</p>\n')
        if p.summary:
            summary = do_truncate(env, p.summary, SUMMARY_CHARS, False, "…")
            out.append(f'          <p class="govuk-body app-result__summary">{escape(summary)}</p>\n')
        if d.snippet:
            out.append(f'          <p class="govuk-body-s app-result__snippet">{escape(d.snippet)}</p>\n')
        if state != "none":
            out.append(f'          <strong class="govuk-tag {TAGS.get(state, "govuk-tag--orange")}">'
                       f"{escape(short)}</strong>\n")
        out.append("        </li>\n")
    return Markup("".join(out))


@lru_cache(maxsize=4096)
def _day(day) -> str:
    """A publication day as the list shows it ("1 April 2025", escaped), worked out once per day."""
    return str(escape(uk_date(day)))


@lru_cache(maxsize=256)
def year_options(years: tuple[int, ...], selected: int | None) -> Markup:
    """The year filter's ``<option>`` of each year (one per year of the archive: made once per list and choice)."""
    return Markup("".join(f'<option value="{int(y)}"{" selected" if y == selected else ""}>{int(y)}</option>'
                          for y in years))


@lru_cache(maxsize=512)
def filter_column(env, years: tuple[int, ...], year: int | None, part2: str | None, order: str, filtered: bool,
                  index_url: str) -> Markup:
    """The list page's filter column (``templates/public/_filters.html``) for these choices, rendered once."""
    from service.web.public.queries import PART2_FILTERS, SORTS
    macro = env.get_template("public/_filters.html").module.filters
    return Markup(macro(year_options(years, year), part2, order, filtered, PART2_FILTERS, SORTS, index_url))
