"""Found by trying the releases page as a new officer (trial of 30 November 2026): a council's Part 2 exempt
under Schedule 12A showed its exemption as "sSch12A para 3 Local Government Act 1972, …" (the "s" of a FOIA
section put before a paragraph of the Schedule)."""

from datetime import date, timedelta

from tests.public_data import Spec, add

SCH12A = [{"section": "Sch12A para 3", "title": "Local Government Act 1972, Schedule 12A paragraph 3: Information "
           "relating to the financial or business affairs of any particular person", "until": "2027-09-30",
           "review": None}]
S43 = [{"section": "43", "title": "Commercial interests", "until": "2027-09-30", "review": None}]


def test_a_schedule_12a_exemption_reads_as_the_schedule_on_the_releases_page(client, app):
    soon = date.today() + timedelta(days=3)
    add(app, Spec("CAB 2026/044", "Leisure Centre Management Contract Award", part2="withheld", release_on=soon,
                  exemptions=SCH12A))
    add(app, Spec("PCD 912", "Interpreting contract", part2="withheld", release_on=soon, exemptions=S43))
    html = client.get("/officer/releases/").get_data(as_text=True)
    assert "sSch12A" not in html
    assert '<span class="tag tag-part">Schedule 12A para 3</span>' in html
    assert '<span class="tag tag-part">s43 Commercial interests</span>' in html
