"""The publication policy: where it is read from, what it keeps and why, and clear errors."""

import pytest

from redaction.policy import DEFAULT_POLICY_FILE, POLICY_ENV, PolicyError, load_policy


@pytest.mark.parametrize("names, ranks, roles, action, reason", [
    ({"Sophie Linden"}, set(), set(), "keep", "named office holder: Deputy Mayor for Policing and Crime"),
    ({"SOPHIE  LINDEN"}, set(), set(), "keep", "named office holder: Deputy Mayor for Policing and Crime"),
    ({"Sadiq Khan"}, set(), set(), "keep", "named office holder: Mayor of London"),
    ({"Graham McNulty"}, {"Deputy Assistant Commissioner"}, set(), "keep",
     "police chief officer: Deputy Assistant Commissioner"),
    ({"Ada Nwosu"}, {"Commander"}, set(), "keep", "police chief officer: Commander"),
    ({"Jo Bell"}, {"Commissioner"}, set(), "keep", "police chief officer: Commissioner"),
    ({"Gemma Holloway"}, {"Chief Superintendent"}, set(), "redact", "police officer below chief officer rank"),
    ({"Mike West"}, {"Detective Superintendent"}, set(), "redact", "police officer below chief officer rank"),
    ({"Joe Marr"}, {"Police Constable"}, set(), "redact", "police officer below chief officer rank"),
    ({"Jane Okafor"}, set(), set(), "redact", "person's name"),
    ({"Jana Novak"}, set(), {"Deputy Mayor for Policing and Crime"}, "keep",
     "named office holder: Deputy Mayor for Policing and Crime"),
])
def test_decisions_for_people(names, ranks, roles, action, reason):
    decision = load_policy(DEFAULT_POLICY_FILE).for_person(names, ranks, roles)
    assert (decision.action, decision.reason) == (action, reason)


@pytest.mark.parametrize("entity_type, reason", [
    ("PHONE_NUMBER", "UK phone number"), ("EMAIL_ADDRESS", "e-mail address"), ("SIGNATURE", "signature"),
])
def test_always_redacted(entity_type, reason):
    decision = load_policy().for_type(entity_type)
    assert (decision.action, decision.reason) == ("redact", reason)


def test_the_shipped_default_names_no_fictional_people():
    policy = load_policy(DEFAULT_POLICY_FILE)
    assert "sophie linden" in policy.office_holders
    assert "kaya brennan" not in policy.office_holders
    assert policy.chief_officer_ranks == {"Commander", "Deputy Assistant Commissioner", "Assistant Commissioner",
                                          "Deputy Commissioner", "Commissioner", "Chief Constable",
                                          "Deputy Chief Constable", "Assistant Chief Constable"}
    assert policy.exemption == "s40(2)"


def _write(tmp_path, body, name="policy.toml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


ORG_POLICY = """
exemption = "s40(2)"
[police]
chief_officer_ranks = ["Commissioner"]
[[office_holders]]
role = "Police and Crime Commissioner"
also_written = ["PCC"]
names = ["Ada Lark"]
"""


def test_the_environment_and_the_argument_choose_the_file(tmp_path, monkeypatch):
    env_file = _write(tmp_path, ORG_POLICY, "env.toml")
    arg_file = _write(tmp_path, ORG_POLICY.replace("Ada Lark", "Bo Finch"), "arg.toml")
    monkeypatch.setenv(POLICY_ENV, str(env_file))
    assert "ada lark" in load_policy().office_holders
    assert "bo finch" in load_policy(arg_file).office_holders  # the argument wins over the environment
    # Commander is not a chief officer rank in this organisation's policy
    assert load_policy().for_person({"Ed Ray"}, {"Commander"}).action == "redact"
    assert load_policy().roles == {"Police and Crime Commissioner": "Police and Crime Commissioner",
                                   "PCC": "Police and Crime Commissioner"}


@pytest.mark.parametrize("body, message", [
    ("this is not = = toml", "is not valid TOML"),
    ("[[office_holders]]\nrole = 'Mayor'\n", "is malformed"),
    ("[police]\nchief_officer_ranks = ['Grand Vizier']\n", "unknown police ranks: Grand Vizier"),
])
def test_bad_policy_files_fail_with_a_clear_message(tmp_path, body, message):
    with pytest.raises(PolicyError, match=message) as err:
        load_policy(_write(tmp_path, body))
    assert "\n" not in str(err.value)


def test_a_missing_policy_file_is_named(tmp_path):
    with pytest.raises(PolicyError, match="nowhere.toml does not exist"):
        load_policy(tmp_path / "nowhere.toml")


@pytest.mark.parametrize("written, role", [
    # the default covers office holders beyond the roster: mayors, ministers, MPs, council leaders and
    # cabinet members, fire chief officers, police and crime commissioners, chief constables
    ("Mayor of Tower Hamlets", "Mayor of Tower Hamlets"),
    ("Deputy Mayor", "Deputy Mayor"),
    ("Minister for Crime and Policing", "Minister for Crime and Policing"),
    ("Secretary of State for the Home Department", "Secretary of State for the Home Department"),
    ("Home Secretary", "Home Secretary"),
    ("MP", "Member of Parliament"),
    ("Leader of the Council", "Leader of the Council"),
    ("Cabinet Member for Adults and Health", "Cabinet Member for Adults and Health"),
    ("London Fire Commissioner", "London Fire Commissioner"),
    ("CFO", "Chief Fire Officer"),
    ("Police and Crime Commissioner for Surrey", "Police and Crime Commissioner for Surrey"),
    ("PCC", "Police and Crime Commissioner"),
    ("DMPC", "Deputy Mayor for Policing and Crime"),
    ("Head of Finance", None),
    ("Cabinet Office", None),
])
def test_the_default_names_offices_held_in_public(written, role):
    assert load_policy(DEFAULT_POLICY_FILE).role_of(written) == role


def test_an_office_in_the_file_keeps_a_name_beside_it_and_says_so(tmp_path):
    policy = load_policy(_write(tmp_path, ORG_POLICY + '''
[[office_roles]]
role = "Provost"
also_written = ["Provost of {place}"]
'''))
    assert policy.role_of("Provost of Glasgow") == "Provost of Glasgow"
    assert policy.role_of("Mayor of Sutton") is None  # the default's offices are not added to an org's file
    decision = policy.for_person({"Bo Finch"}, set(), {"Provost of Glasgow"})
    assert (decision.action, decision.reason) == ("keep", "named office holder: Provost of Glasgow")
