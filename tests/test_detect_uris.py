"""Personal data inside link URIs (redaction.detect.uris): addresses and numbers behind mailto:/tel:, and
the names the paper redacts in every form a URI spells them."""

import pytest

from redaction.detect.uris import names_in_uri, uri_personal_data

REDACTED = ["Jane Okafor", "Łukasz Wójcik", "Siobhán Ní Bhriain"]


@pytest.mark.parametrize("uri, expected", [
    ("https://example.org/staff/jane-okafor", ["Jane Okafor"]),
    ("https://example.org/staff/JaneOkafor.html", ["Jane Okafor"]),
    ("https://example.org/profile?name=Jane%20Okafor", ["Jane Okafor"]),
    ("https://example.org/p?n=Jane+Okafor", ["Jane Okafor"]),
    ("https://example.org/people/okafor", ["Jane Okafor"]),
    ("https://example.org/u/lukasz_wojcik", ["Łukasz Wójcik"]),
    ("https://example.org/Siobh%C3%A1n-N%C3%AD-Bhriain", ["Siobhán Ní Bhriain"]),
    ("https://example.org/u/siobhan.nibhriain", ["Siobhán Ní Bhriain"]),
    ("https://www.london.gov.uk/mopac/decisions", []),
    ("https://example.org/report-2027.pdf", []),
])
def test_names_in_uris(uri, expected):
    assert names_in_uri(uri, REDACTED) == expected


@pytest.mark.parametrize("uri, expected", [
    ("mailto:a.b@corp.local", ["a.b@corp.local"]),
    ("mailto:Jane%20Okafor%20%3Cj.okafor@internal%3E", ["j.okafor@internal", "Jane Okafor"]),
    ("tel:+35315550123", ["+35315550123"]),
    ("tel:+44-20-7946-0123", ["+44-20-7946-0123"]),
    ("https://www.london.gov.uk/mopac", []),
])
def test_uri_personal_data(uri, expected):
    assert uri_personal_data(uri, REDACTED) == expected
