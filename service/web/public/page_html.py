"""The list page (``/``) and a decision's page as HTML written in Python (issue 16, sixth pass).

A first render of either page spent about as long in Jinja as in everything else it does (a new search that
finds nothing: 0.38 of 1.76 ms; a decision: 0.35-0.5 ms), most of it an attribute lookup, an escape and a
generator step for each of some fifty values, blocks and macro calls. The markup here is the templates'
(``templates/public/index.html``, ``decision.html`` and the macros they use), which stay the reference:
``tests/test_public_page_html.py`` renders both for searches and decisions in every state and asserts the
bytes are the same. Every value from the database is escaped (``markupsafe.escape``), as autoescape does.

The layout (``templates/public/layout.html``) is rendered by Jinja once per Jinja environment and set of links
(one per application root) with a marker in each block, and split there; a page is then its five blocks put
between those fixed pieces. A decision that corrects an earlier version (its "Updated" rows) takes the
template, as before: it is rare and keeps the include's own markup.
"""

from __future__ import annotations

import threading

from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from service.infra.uk_dates import file_size, uk_date

BLOCKS = ("title", "meta", "beforeContent", "main_class", "content")
_MARKS = tuple(chr(0xE100 + i) for i in range(len(BLOCKS)))   # private-use: never in the layout's own text
_SHELL = ('{% extends "public/layout.html" %}'
          + "".join(f"{{% block {name} %}}{mark}{{% endblock %}}" for name, mark in zip(BLOCKS, _MARKS)))

_layouts: dict[tuple[int, object], tuple[str, ...]] = {}
_lock = threading.Lock()


def layout(env, links) -> tuple[str, ...]:
    """The layout's fixed pieces around its five blocks (six strings), rendered by Jinja once per environment
    and :class:`~service.web.public.pages.Links`."""
    key = (id(env), links)
    pieces = _layouts.get(key)
    if pieces is None:
        html = env.from_string(_SHELL).render(links=links)
        pieces, rest = [], html
        for mark in _MARKS:
            before, found, rest = rest.partition(mark)
            if not found or mark in rest:
                raise RuntimeError("the public layout does not show each block once")
            pieces.append(before)
        pieces.append(rest)
        pieces = tuple(pieces)
        with _lock:
            if len(_layouts) > 64:
                _layouts.clear()
            _layouts[key] = pieces
    return pieces


def page(env, links, title: str, meta: str, before: str, content: str) -> str:
    p = layout(env, links)
    return "".join((p[0], title, p[1], meta, p[2], before, p[3], "", p[4], content, p[5]))


def _e(value) -> str:
    return str(escape(value))


# --- the list page (templates/public/index.html) ------------------------------------------------------------

def index(env, links, *, result, search, filter_column, result_items, pagination, part2_filters) -> str:
    q = search.q
    title = (f"Search results for ‘{_e(q)}’" if q else "Published decisions")
    if result.pages > 1:
        title += f" (page {_e(search.page)} of {_e(result.pages)})"
    total = result.total
    count = f"{_e('{:,}'.format(total))} {'decision' if total == 1 else 'decisions'}"
    if q:
        count += f" matching ‘{_e(q)}’"
    if search.year:
        count += f" published in {_e(search.year)}"
    if search.part2:
        count += f" ({_e(part2_filters[search.part2].lower() if search.part2 != 'none' else 'no Part 2')})"
    if result.decisions:
        listing = (
            "\n"
            f'      <ol class="app-results" aria-labelledby="results-count" start="{_e((search.page - 1) * search.per_page + 1)}">\n'
            f"{result_items}      </ol>\n"
            f"      {pagination}\n"
            "      ")
    else:
        listing = _NOTHING_FOUND.format(index=_e(links.index))
    follow = (f'<p class="govuk-body app-subscribe"><a class="govuk-link" href="{_e(links.search(search.args(page=1, sort=None)))}">'
              "Follow this search (Atom feed)</a></p>" if search.filtered else "")
    content = (
        "\n"
        '<div class="govuk-grid-row">\n'
        '  <div class="govuk-grid-column-two-thirds">\n'
        '    <h1 class="govuk-heading-xl">Published decisions</h1>\n'
        '    <p class="govuk-body-l">Find a decision, read it and download it. Where part of a decision is confidential, '
        "each page says under which exemption it is withheld and until when.</p>\n"
        "  </div>\n"
        "</div>\n"
        f'<form method="get" action="{_e(links.index)}" novalidate>\n'
        '  <div class="govuk-grid-row">\n'
        '    <div class="govuk-grid-column-two-thirds">\n'
        '      <div class="app-search">\n'
        '        <div class="govuk-form-group">\n'
        '          <label class="govuk-label govuk-label--m" for="q">Search decisions</label>\n'
        '          <div id="q-hint" class="govuk-hint">A reference such as PCD 956, or words from the title or the decision</div>\n'
        f'          <input class="govuk-input" id="q" name="q" type="search" value="{_e(q)}" aria-describedby="q-hint" '
        'spellcheck="false" autocomplete="off">\n'
        "        </div>\n"
        '        <button type="submit" class="govuk-button" data-module="govuk-button">Search</button>\n'
        "      </div>\n"
        "    </div>\n"
        "  </div>\n"
        '  <div class="govuk-grid-row">\n'
        f'{filter_column}    <div class="govuk-grid-column-two-thirds">\n'
        '      <h2 class="govuk-heading-m app-count" id="results-count">\n'
        f"        {count}\n"
        "      </h2>\n"
        f"      {listing}\n"
        f"      {follow}\n"
        '      <p class="govuk-body app-subscribe">Follow new decisions and releases: '
        f'<a class="govuk-link" href="{_e(links.feed)}">Atom feed</a> or '
        f'<a class="govuk-link" href="{_e(links.releases)}">calendar of upcoming releases</a>.</p>\n'
        "    </div>\n"
        "  </div>\n"
        "</form>\n")
    return page(env, links, title, "", "", content)


_NOTHING_FOUND = (
    "\n"
    '      <p class="govuk-body">No published decision matches your search.</p>\n'
    '      <p class="govuk-body">You could:</p>\n'
    '      <ul class="govuk-list govuk-list--bullet">\n'
    "        <li>check the spelling, or use fewer words</li>\n"
    "        <li>search for a reference such as “PCD 956”</li>\n"
    '        <li><a class="govuk-link" href="{index}">see all decisions</a></li>\n'
    "      </ul>\n"
    "      ")


# --- a decision's page (templates/public/decision.html) -------------------------------------------------------

def decision(env, links, *, d, paper, status, part1_redactions, part2_redactions) -> str:
    """The page of decision ``d`` (one that corrects nothing: no "Updated" rows)."""
    ref = paper.reference
    name = paper.title or ref or paper.slug
    title = _e(name) + (f" ({_e(ref)})" if paper.title and ref else "")
    meta = (f'<meta name="description" content="{_e(do_truncate(env, paper.summary, 160, False, "…"))}">'
            if paper.summary else "")
    before = breadcrumbs(ref or (do_truncate(env, paper.title, 80, False, "…") if paper.title else None) or paper.slug,
                         links.index)
    slug = paper.slug
    part1 = d.part1
    published = d.published_on
    caption = f'<span class="govuk-caption-l">{_e(ref)}</span>' if ref else ""
    if status.state == "none":
        status_value = _e(status.words)
    else:
        status_value = f'<a class="govuk-link" href="#part2">{_e(status.short)}</a>'
    out = [
        "\n"
        '<div class="govuk-grid-row">\n'
        '  <div class="govuk-grid-column-two-thirds">\n'
        f"    {caption}\n"
        f'    <h1 class="govuk-heading-l">{_e(name)}</h1>\n'
        "\n"
        '    <dl class="govuk-summary-list">\n'
        "      "]
    if ref:
        out.append("\n"
                   '      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reference</dt>'
                   f'<dd class="govuk-summary-list__value">{_e(ref)}</dd></div>\n'
                   "      ")
    out.append(
        "\n"
        '      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Published</dt>'
        f'<dd class="govuk-summary-list__value"><time datetime="{_e(published.isoformat())}">{_e(uk_date(published))}'
        "</time></dd></div>\n"
        "      \n"
        '      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Confidential part (Part 2)</dt>'
        f'<dd class="govuk-summary-list__value" id="part2-status">{status_value}</dd></div>\n'
        "    </dl>\n"
        "\n"
        "    ")
    if paper.summary:
        out.append("\n"
                   '    <h2 class="govuk-heading-m">Summary</h2>\n'
                   f'    <p class="govuk-body app-summary">{_e(paper.summary)}</p>\n'
                   "    ")
    out.append(
        "\n"
        "\n"
        '    <h2 class="govuk-heading-m" id="part1">Part 1: the decision</h2>\n'
        '    <div class="app-download">\n'
        '      <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">\n'
        f'        <a class="govuk-link" href="{_e(links.part1(slug))}" download>Download Part 1 of '
        f"{_e(ref or 'this decision')} (PDF)</a>\n"
        "      </p>\n"
        f'      <p class="govuk-body app-download__meta">PDF, {_e(file_size(part1.size))}, {_e(part1.pages)} '
        f"{'page' if part1.pages == 1 else 'pages'}</p>\n"
        "    </div>"   # the template's {#- … -#} comment before the heading takes the blank line and indent
        '<h2 class="govuk-heading-m" id="part2">Part 2 (exempt information)</h2>\n'
        "    ")
    part2 = d.part2
    if status.state == "none":
        out.append("\n"
                   '    <p class="govuk-body">This decision has no confidential part: everything is in Part 1.</p>\n'
                   "    ")
    elif not part2.in_file:
        later = (f", even after {_e(uk_date(part2.release_on))}"
                 if part2.state == "withheld" and part2.release_on else "")
        out.append("\n"
                   '    <div class="app-withheld">\n'
                   f'      <p class="govuk-body govuk-!-font-weight-bold">{_e(status.words)}.</p>\n'
                   '      <p class="govuk-body">Part 2 was not part of the file given to us for publication, so there is '
                   f"no download for it on this site{later}. You can ask us for it under the Freedom of Information Act "
                   "once it is no longer exempt.</p>\n"
                   "    </div>\n"
                   "    ")
    elif d.part2_public:
        history = (f'<p class="govuk-body" id="part2-history">{_e(status.history)}.</p>'
                   if status.history else "")
        out.append("\n"
                   '    <div class="app-download">\n'
                   '      <p class="govuk-body govuk-!-margin-bottom-2"><strong class="govuk-tag govuk-tag--green">'
                   f"{_e(status.words)}</strong></p>\n"
                   f"      {history}\n"
                   '      <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">\n'
                   f'        <a class="govuk-link" href="{_e(links.part2(slug))}" download>Download Part 2 of '
                   f"{_e(ref or 'this decision')} (PDF)</a>\n"
                   "      </p>\n"
                   f'      <p class="govuk-body app-download__meta">PDF, {_e(file_size(part2.size))}, {_e(part2.pages)} '
                   f"{'page' if part2.pages == 1 else 'pages'}</p>\n"
                   "    </div>\n"
                   "    ")
    else:
        if part2.state == "withheld" and part2.release_on:
            when = ("\n"
                    f'      <p class="govuk-body">It will be published on this page on {_e(uk_date(part2.release_on))}, '
                    "with personal data removed. You can add the date to your calendar from the "
                    f'<a class="govuk-link" href="{_e(links.releases)}">calendar of upcoming releases</a>.</p>\n'
                    "      ")
        elif status.state == "review":
            when = ("\n"
                    '      <p class="govuk-body">The date for reviewing whether it can be published has come. It stays '
                    "withheld until the review is finished.</p>\n"
                    "      ")
        else:
            when = ("\n"
                    '      <p class="govuk-body">It stays withheld until the exemption no longer applies. It will then be '
                    "published on this page.</p>\n"
                    "      ")
        out.append("\n"
                   '    <div class="app-withheld">\n'
                   f'      <p class="govuk-body govuk-!-font-weight-bold">{_e(status.words)}.</p>\n'
                   f"      {when}\n"
                   "    </div>\n"
                   "    ")
    out.append(
        "\n"
        "\n"
        '    <h2 class="govuk-heading-m" id="removed">What was removed</h2>\n'
        '    <p class="govuk-body">Personal data, such as the names and phone numbers of people who are not senior public '
        "office holders, is removed under section 40(2) of the Freedom of Information Act 2000.</p>\n"
        f"    {redactions(part1_redactions, 'Part 1')}\n"
        "    ")
    if part2_redactions is not None:
        out.append("\n"
                   '    <h3 class="govuk-heading-s">Part 2</h3>\n'
                   f"    {redactions(part2_redactions, 'Part 2')}\n"
                   "    ")
    out.append(
        "\n"
        "  </div>\n"
        '  <div class="govuk-grid-column-one-third">\n'
        '    <aside class="app-related" aria-labelledby="related-heading">\n'
        '      <h2 class="govuk-heading-s" id="related-heading">Related</h2>\n'
        '      <ul class="govuk-list govuk-!-font-size-16">\n'
        f'        <li><a class="govuk-link" href="{_e(links.index)}">All published decisions</a></li>\n'
        f'        <li><a class="govuk-link" href="{_e(links.feed)}">Atom feed of publications and releases</a></li>\n'
        f'        <li><a class="govuk-link" href="{_e(links.releases)}">Calendar of upcoming releases</a></li>\n'
        f'        <li><a class="govuk-link" href="{_e(links.json(slug))}">This decision as JSON</a></li>\n'
        "      </ul>\n"
        "    </aside>\n"
        "  </div>\n"
        "</div>\n")
    return page(env, links, title, meta, before, "".join(out))


def breadcrumbs(current, index_url) -> str:
    """``templates/public/_breadcrumbs.html``'s macro."""
    return ("\n"
            '<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">\n'
            '  <ol class="govuk-breadcrumbs__list">\n'
            f'    <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{_e(index_url)}">'
            "Published decisions</a></li>\n"
            f'    <li class="govuk-breadcrumbs__list-item" aria-current="page">{_e(current)}</li>\n'
            "  </ol>\n"
            "</nav>\n")


def redactions(summary, part_name: str) -> str:
    """``templates/public/_redactions.html``'s macro (counts only, never the values)."""
    name = _e(part_name)
    if summary is None or summary.total == 0:
        apart = " apart from passages removed wherever they occurred" if summary and summary.passages else ""
        return ("\n\n"
                f'<p class="govuk-body">Nothing was removed from {name}{apart}.</p>\n'
                "\n")
    kinds = f": {_e(summary.kinds)}" if summary.kinds else ""
    passages = " Some passages were also removed wherever they occurred." if summary.passages else ""
    rows_exemption = "".join(
        "\n"
        f'        <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{_e(label)}</th>'
        f'<td class="govuk-table__cell govuk-table__cell--numeric">{_e(n)}</td></tr>\n'
        "      " for label, n in summary.by_exemption)
    rows_page = "".join(
        "\n"
        f'        <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Page {_e(p)}</th>'
        f'<td class="govuk-table__cell govuk-table__cell--numeric">{_e(n)}</td></tr>\n'
        "      " for p, n in summary.by_page)
    total = summary.total
    return (
        "\n\n"
        f'<p class="govuk-body">{_e(total)} {"item was" if total == 1 else "items were"} removed from {name} before '
        f"publication{kinds}. Each one is marked in the file by a box labelled with its exemption.{passages}</p>\n"
        '<div class="govuk-grid-row">\n'
        '  <div class="govuk-grid-column-one-half app-table-scroll">\n'
        '    <table class="govuk-table">\n'
        '      <caption class="govuk-table__caption govuk-table__caption--s">By exemption</caption>\n'
        '      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">'
        'Exemption</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Removed</th></tr></thead>\n'
        '      <tbody class="govuk-table__body">\n'
        f"      {rows_exemption}\n"
        "      </tbody>\n"
        "    </table>\n"
        "  </div>\n"
        '  <div class="govuk-grid-column-one-half app-table-scroll">\n'
        '    <table class="govuk-table">\n'
        f'      <caption class="govuk-table__caption govuk-table__caption--s">By page of {name}</caption>\n'
        '      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">'
        'Page</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Removed</th></tr></thead>\n'
        '      <tbody class="govuk-table__body">\n'
        f"      {rows_page}\n"
        "      </tbody>\n"
        "    </table>\n"
        "  </div>\n"
        "</div>\n"
        "\n")


__all__ = ["index", "decision", "layout", "breadcrumbs", "redactions", "Markup"]
