"""extract.relations.quotes: who said what, to whom (sentences of our own)."""

from __future__ import annotations

import pytest

from tests.helpers import extract

pytestmark = pytest.mark.model


def said(nlp, text: str) -> list[tuple[str, str, str]]:
    """(speaker name, speaker type, quote) of every SAID edge, in order."""
    extraction = extract(nlp, text)
    names = {e.id: e for e in extraction.entities}
    return [(names[r.source].name, names[r.source].type, names[r.target].name) for r in extraction.relations if r.predicate == "SAID"]


def told(nlp, text: str) -> set[tuple[str, str]]:
    """(quote, audience name) of every TOLD_TO edge."""
    extraction = extract(nlp, text)
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.source], names[r.target]) for r in extraction.relations if r.predicate == "TOLD_TO"}


def speakers_of(nlp, text: str, words: str) -> set[str]:
    return {speaker for speaker, _type, quote in said(nlp, text) if words in quote}


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ('"We have been asking for help since the spring," Ludovic Hochart said.', "Ludovic Hochart", "We have been asking for help since the spring"),
        ('"The wall will protect hundreds of homes," said Tom Whitfield.', "Tom Whitfield", "The wall will protect hundreds of homes"),
        ("Anna Kowalski said: “This scheme shows what we can do together.”", "Anna Kowalski", "This scheme shows what we can do together."),
        ('Gordon Brown spoke in Leeds. "We will not give up on this town," he added.', "Gordon Brown", "We will not give up on this town"),
        ("«We will not leave this valley,» said Marie Lambert.", "Marie Lambert", "We will not leave this valley"),
    ],
)
def test_direct_quotes(nlp, text, speaker, quote):
    extraction = extract(nlp, text)
    names = {e.id: e for e in extraction.entities}
    direct = [r for r in extraction.relations if r.predicate == "SAID" and r.evidence.rule.startswith("quote")]
    assert [(names[r.source].name, names[r.target].name) for r in direct] == [(speaker, quote)]
    assert names[direct[0].target].type == "QUOTE"
    start, end = direct[0].evidence.target_span
    assert text[start:end].rstrip(",") == quote  # target offsets point at the quotation itself
    assert quote in direct[0].evidence.sentence


def test_a_partial_quote_inside_reported_speech_is_the_subjects(nlp):
    text = 'The Harbour Trust said it was "deeply troubled" by the findings.'
    assert speakers_of(nlp, text, "deeply troubled") == {"Harbour Trust"}


def test_scare_quotes_are_not_speech(nlp):
    assert not [r for r in extract(nlp, 'Gordon Brown called the plan "reckless", aides said.').relations if r.predicate == "SAID" and r.evidence.rule == "quote"]


def test_an_unnamed_source_speaks_not_the_last_person_named(nlp):
    text = (
        "Finance Minister Petra Lund visited the port on Monday.\n\n"
        'Police sources told AFP that an inquiry was under way, adding that "any breach will be punished."'
    )
    assert speakers_of(nlp, text, "any breach will be punished") == {"police sources"}
    assert speakers_of(nlp, text, "an inquiry was under way") == {"police sources"}
    assert ("an inquiry was under way", "AFP") in told(nlp, text)
    assert all(speaker != "Petra Lund" for speaker, _t, _q in said(nlp, text))


def test_the_sources_added_is_the_same_source_and_keeps_the_outlet(nlp):
    text = "Police sources told AFP that 40 people had been detained. «The roads will stay closed tonight,» the sources added."
    found = said(nlp, text)
    assert {(s, t) for s, t, _q in found} == {("police sources", "SOURCE")}
    assert ("The roads will stay closed tonight", "AFP") in told(nlp, text)


def test_a_spokesman_for_a_body_speaks_for_it(nlp):
    text = "A spokesman for Norvale Energy said the plant would reopen in May."
    extraction = extract(nlp, text)
    names = {e.id: e for e in extraction.entities}
    edges = {(names[r.source].name, r.predicate, names[r.target].name) for r in extraction.relations}
    assert ("spokesman for Norvale Energy", "SAID", "the plant would reopen in May") in edges
    assert ("spokesman for Norvale Energy", "SPOKESPERSON_FOR", "Norvale Energy") in edges
    assert names[next(r.source for r in extraction.relations if r.predicate == "SAID")].type == "SOURCE"


def test_a_spokeswoman_for_the_firm_is_the_firm_named_before(nlp):
    text = "Saltmarsh Holdings said it would appeal. A spokeswoman for the firm told the BBC that it would look at other sites."
    assert speakers_of(nlp, text, "it would look at other sites") == {"spokeswoman for Saltmarsh Holdings"}
    assert ("it would look at other sites", "BBC") in told(nlp, text)


def test_the_us_is_no_first_person(nlp):
    assert speakers_of(nlp, "The US said it would send a team of engineers.", "it would send a team of engineers") == {"US"}


def test_officials_and_people_familiar_with_a_matter(nlp):
    text = "Officials said 30 people had been evacuated. Two people familiar with the talks said a deal was close."
    assert speakers_of(nlp, text, "30 people had been evacuated") == {"officials"}
    assert speakers_of(nlp, text, "a deal was close") == {"people familiar with the talks"}


def test_one_of_the_interviewees_told_a_group(nlp):
    text = 'Human Rights Watch spoke to 60 workers. One of the interviewees told HRW: "They kept my passport for a year."'
    assert speakers_of(nlp, text, "They kept my passport") == {"one of the interviewees"}


def test_told_a_person(nlp):
    text = 'Council leader Ray Tillman told Linda Parks that she was "playing games with the budget."'
    assert speakers_of(nlp, text, "playing games with the budget") == {"Ray Tillman"}
    assert ("playing games with the budget.", "Linda Parks") in told(nlp, text)


def test_according_to(nlp):
    text = "The fire started near a campsite, according to Dana Whitlow, a spokeswoman for the county."
    assert speakers_of(nlp, text, "The fire started near a campsite") == {"Dana Whitlow"}


def test_according_to_a_report_by(nlp):
    text = "Pickers had their passports taken, according to a report by Human Rights Watch."
    assert speakers_of(nlp, text, "Pickers had their passports taken") == {"Human Rights Watch"}


def test_speaker_introduced_on_the_line_before(nlp):
    text = "Maya Brennan runs the only pharmacy in Kelso.\n\n\"Nobody from the council has ever come to see us.\""
    assert speakers_of(nlp, text, "Nobody from the council") == {"Maya Brennan"}


def test_colon_after_a_clause_that_is_no_reporting_verb(nlp):
    text = "Her deputy, Jean Ouellet, was blunter: «We lost because we stopped listening to the regions.»"
    assert speakers_of(nlp, text, "We lost because") == {"Jean Ouellet"}


def test_a_quote_over_two_paragraphs(nlp):
    text = "Paul Merriman said: “We let these families down.\n\n“We have already hired 30 midwives and we will report every month.”"
    assert speakers_of(nlp, text, "We let these families down") == {"Paul Merriman"}
    assert speakers_of(nlp, text, "We have already hired 30 midwives") == {"Paul Merriman"}


def test_a_credit_line_after_a_dash(nlp):
    text = 'KEY QUOTE:\n\n"Rivers do not stop at borders." — Ilse Varga, director, Danube Watch'
    extraction = extract(nlp, text)
    names = {e.id: e for e in extraction.entities}
    edges = {(names[r.source].name, r.predicate, names[r.target].name) for r in extraction.relations}
    assert ("Ilse Varga", "SAID", "Rivers do not stop at borders.") in edges


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("Ilse Varga warned that the dam could fail within a year.", "Ilse Varga", "the dam could fail within a year"),
        ("Norvale Energy denied the allegations.", "Norvale Energy", "the allegations"),
        ("Kevin Marsh accused the railway of refusing to negotiate.", "Kevin Marsh", "refusing to negotiate"),
        ("Critics say the council has simply delayed the decision.", "critics", "the council has simply delayed the decision"),
    ],
)
def test_reported_speech(nlp, text, speaker, words):
    assert speakers_of(nlp, text, words) == {speaker}


def test_reported_speech_split_at_and_that(nlp):
    text = "Geoffrey Dawlish said the group would launch an appeal next week, and that two shops had promised money."
    quotes = {q for s, _t, q in said(nlp, text) if s == "Geoffrey Dawlish"}
    assert {"the group would launch an appeal next week", "two shops had promised money"} <= quotes


def test_nothing_said_when_denied_modal_or_asked(nlp):
    text = "Marsh did not say when the move would take place. Fans should note the game ends at noon."
    assert not said(nlp, text)


def test_a_quote_inside_a_quote_has_its_own_speaker_and_audience(nlp):
    text = "Ana Ortiz said: \"When a neighbour told me 'the wall is going to fall', I closed the school.\""
    found = said(nlp, text)
    assert ("Ana Ortiz", "PERSON", "When a neighbour told me 'the wall is going to fall', I closed the school.") in found
    assert ("neighbour", "SOURCE", "the wall is going to fall") in found
    assert ("the wall is going to fall", "Ana Ortiz") in told(nlp, text)


def test_coordinated_speakers_both_said_it(nlp):
    text = "Harlow Motors and Vesta Group filed complaints in 2022, saying the licence terms were unfair."
    assert speakers_of(nlp, text, "the licence terms were unfair") == {"Harlow Motors", "Vesta Group"}


def test_he_is_the_subject_before_not_the_last_person_named(nlp):
    text = (
        "Ben Ferris compared the deal with a 2021 purchase, which analyst Ruth Cole had described as a mistake. "
        '"This one at least makes sense," he said.'
    )
    assert speakers_of(nlp, text, "This one at least makes sense") == {"Ben Ferris"}


def test_a_pronoun_of_the_other_sex_is_left_unread(nlp):
    text = 'Mr Dawlish met the campaigners on Monday. "We will not give up," she said.'
    assert not speakers_of(nlp, text, "We will not give up")


def test_a_dateline_is_no_speaker(nlp):
    text = "GENEVA, May 2 (Reuters) - The UN refugee agency, UNHCR, warned that food stocks would run out within weeks."
    assert all(speaker != "GENEVA" for speaker, _t, _q in said(nlp, text))


def test_quote_left_open_does_not_shift_the_pairs(nlp):
    text = (
        'Tom Reed said: "We lost three years. He added: "They will not break us, whatever they try." '
        "The ministry denied the claims, saying it followed the law."
    )
    extraction = extract(nlp, text)
    direct = {e.name for e in extraction.entities if e.type == "QUOTE" and any(
        r.target == e.id and r.evidence.rule.startswith("quote") for r in extraction.relations)}  # fmt: skip
    assert direct == {"They will not break us, whatever they try."}
    assert not any("He added" in e.name for e in extraction.entities if e.type == "QUOTE")


@pytest.mark.parametrize(
    "text",
    ['"', '“', "«", '"""', "He said: «", 'He said: "Yes," "no," "maybe".', "„Gut“, sagte sie.", "' ' ' He said 'x", "\n\n\"\n\n\"", "«a ‘b “c” d’ e»"],
)
def test_odd_marks_never_crash(nlp, text):
    extraction = extract(nlp, text)
    for rel in extraction.relations:
        start, end = rel.evidence.target_span
        assert 0 <= start <= end <= len(text)


def test_the_company_that_a_which_clause_shows_to_be_a_body_speaks(nlp):
    text = 'Pellham, which is owned by Brightwater Capital, denied wrongdoing.\n\n"We disagree with the verdict," the company said in a statement.'
    assert speakers_of(nlp, text, "disagree with the verdict") == {"Pellham"}


def test_a_speaker_the_parser_hung_on_the_name_before_still_speaks(nlp):
    text = 'Rebecca Thorne resigned. In her letter to Prime Minister Alan Whitlock, Ms Thorne wrote: "I cannot go back to Ashcombe."'
    assert speakers_of(nlp, text, "cannot go back") == {"Rebecca Thorne"}


def test_a_title_the_model_read_as_a_body_leaves_the_person_who_speaks(nlp):
    text = "The victims included a woman of 80, Sheriff Dwight Pardee said. He said the names would not be released."
    assert speakers_of(nlp, text, "names would not be released") == {"Dwight Pardee"}


def test_according_to_the_parish_council_is_not_the_county_council(nlp):
    text = "Harwood County Council said the branches would close. Volunteers have offered to run one branch, according to the parish council."
    assert speakers_of(nlp, text, "Volunteers have offered") == {"parish council"}
    same = "Harwood County Council met on Monday. The branches would close, according to the county council."
    assert speakers_of(nlp, same, "branches would close") == {"Harwood County Council"}


def test_an_unnamed_speaker_named_in_apposition_is_the_name(nlp):
    assert speakers_of(nlp, "A spokesman, Troy Abernathy, said that the governor had left.", "governor had left") == {"Troy Abernathy"}
