"""extract.relations.actions: who did what to whom (sentences of our own)."""

from __future__ import annotations

import pytest

from extract.relations.actions import ACTION_RULES
from tests.helpers import extract, triples

pytestmark = pytest.mark.model


def actions(nlp, text: str) -> set[tuple[str, str, str]]:
    extraction = extract(nlp, text)
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.source], r.predicate, names[r.target]) for r in extraction.relations if r.evidence.rule in ACTION_RULES}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Human Rights Watch (HRW) published a report on the camps near the port.", {("Human Rights Watch", "PUBLISH", "report")}),
        ("Bernard Cazeneuve visited Calais on Tuesday.", {("Bernard Cazeneuve", "VISIT", "Calais")}),
        ("Calais has been governed by the UMP since 2008.", {("UMP", "GOVERN", "Calais")}),
        ("Bernard Cazeneuve met with Natacha Bouchart in the town hall.", {("Bernard Cazeneuve", "MEET", "Natacha Bouchart")}),
        (
            "Amnesty International and Greenpeace condemned the decision.",
            {("Amnesty International", "CONDEMN", "decision"), ("Greenpeace", "CONDEMN", "decision")},
        ),
        (
            "Gordon Brown visited the factory and praised the workers.",
            {("Gordon Brown", "VISIT", "factory"), ("Gordon Brown", "PRAISE", "worker")},
        ),
        ("Gordon Brown did not approve the budget.", {("Gordon Brown", "NOT_APPROVE", "budget")}),
        ("The police officers lifted the blockade.", {("police officer", "LIFT", "blockade")}),  # an unnamed group acts
        ("Britain and France signed the treaty in Paris.", {("Britain", "SIGN", "treaty"), ("France", "SIGN", "treaty")}),
        # unnamed people and bodies of every beat act too, even where the parser takes the noun for a name
        ("Detectives recovered a knife from the car.", {("detective", "RECOVER", "knife")}),
        ("The players rejected the new contract on Monday.", {("player", "REJECT", "contract")}),
        ("BRENNVIK, June 3 (Wire) - Police in Ostmark detained nine fishermen.", {("police", "DETAIN", "fisherman")}),
    ],
)
def test_actions(nlp, text, expected):
    assert expected <= actions(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A video, filmed by the campaign group Clean Rivers, showed brown water in the stream.", ("Clean Rivers", "FILM", "video")),
        ("Prime Minister Etienne Roussel, backed by the Republican Alliance, defended the reform.", ("Republican Alliance", "BACK", "Etienne Roussel")),
        ("The plant, bought by Halvorsen Group in 2019, has lost money for years.", ("Halvorsen Group", "BUY", "plant")),
    ],
)
def test_reduced_relatives(nlp, text, expected):
    assert expected in actions(nlp, text)


def test_an_ally_acts_with_its_party_and_the_alliance_is_an_edge(nlp):
    text = "The Socialist Party and its ally, the Communist Party, walked out of the National Assembly on Wednesday."
    found = actions(nlp, text)
    assert ("Socialist Party", "WALK_OUT_OF", "National Assembly") in found
    assert ("Communist Party", "WALK_OUT_OF", "National Assembly") in found
    assert ("Socialist Party", "ALLY_OF", "Communist Party") in triples(nlp, text)


def test_the_names_an_apposition_lists_each_act(nlp):
    text = "Two supermarket chains, Harwell and FreshWay, have suspended orders from the farms."
    found = actions(nlp, text)
    assert {("Harwell", "SUSPEND", "order"), ("FreshWay", "SUSPEND", "order")} <= found


def test_a_pronoun_subject_is_the_subject_before(nlp):
    text = "Morag Lindsay runs the only bakery in the village. She relies on the ferry for flour."
    assert ("Morag Lindsay", "RELY_ON", "ferry") in actions(nlp, text)


def test_a_participle_clause_keeps_the_subject(nlp):
    text = "The Marlow County Board rejected the proposal on Thursday, voting 3-2 against a plan backed by the sheriff."
    assert ("Marlow County Board", "VOTE_AGAINST", "plan") in actions(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Critics said the council had kicked the can down the road.",  # an idiom, in reported speech
        "The deal was a blow, and the firm dealt a blow to its rivals.",  # an idiom
        'The mayor said: "We will build the bridge ourselves."',  # inside a quotation
        "Critics said Mr Rimmer had handed the Americans a blank cheque.",  # reported speech
        "Maria Lopez will take office on January 1.",  # not yet done
        "A yes vote would have meant giving the sheriff a blank check.",  # hypothetical; no actor
        "Glen Tasker showed no emotion as the verdict was read.",  # nothing done to "no" object
        "Hollister State still owes Randy Voss $3 million.",  # a state, not an event
        "GENEVA, May 2 (Reuters) - The agency appealed to donors on Thursday.",  # the dateline does nothing
    ],
)
def test_no_action(nlp, text):
    found = actions(nlp, text)
    assert not any(verb in predicate for _s, predicate, _o in found for verb in ("KICK", "DEAL", "BUILD", "HAND", "TAKE", "GIVE", "SHOW", "OWE"))
    assert not any(subject == "GENEVA" for subject, _p, _o in found)


def test_what_a_subject_agreed_to_do_is_its_action_and_a_fact_told_first_stays(nlp):
    text = "Northwind Systems has agreed to buy Kestrel Semiconductors, the two companies announced on Thursday."
    assert ("Northwind Systems", "BUY", "Kestrel Semiconductors") in actions(nlp, text)
    assert not any(p == "SELL" for _s, p, _o in actions(nlp, "Northwind Systems plans to sell its chip unit."))


def test_what_a_relative_clause_s_which_stands_for_is_its_object_and_with_is_no_second_object(nlp):
    found = actions(nlp, "The accord, which Senegal signed in 2021 with the Atlantic Fleet Alliance, expired in May.")
    assert ("Senegal", "SIGN", "accord") in found
    assert not any(p == "SIGN_WITH" for _s, p, _o in found)
    assert not any(p == "SMASH_WITH" for _s, p, _o in actions(nlp, "Kevin Dorsey smashed the window with a hammer."))


def test_a_common_noun_right_before_a_name_is_the_name(nlp):
    found = actions(nlp, "Czech teenager Klara Dvorska stunned world number one Elena Marchetti on Saturday.")
    assert ("Klara Dvorska", "STUN", "Elena Marchetti") in found
    assert not any(o == "Sandra Bell" for _s, _p, o in actions(nlp, "The mayor told reporters Sandra Bell had resigned."))


def test_a_deed_a_speaker_tells_in_the_past_is_an_action_a_claim_or_a_present_is_not(nlp):
    told = "Police said officers had arrested a man in Hexley on Sunday."
    assert ("officer", "ARREST", "man") in actions(nlp, told)
    claimed = "Campaigners claimed the council had closed three libraries."
    assert not any(p == "CLOSE" for _s, p, _o in actions(nlp, claimed))
    present = "The company said it is buying Kestrel Semiconductors."
    assert not any(p == "BUY" for _s, p, _o in actions(nlp, present))


def test_a_relative_clause_in_reported_speech_is_the_reporters(nlp):
    text = "Residents said the trial had shaken the town council, which approved the permits last year."
    assert ("town council", "APPROVE", "permit") in actions(nlp, text)


def test_a_plain_past_verb_after_reported_speech_is_an_action(nlp):
    text = 'Leila Haddad said the abuses were "systematic" and called on retailers to audit their suppliers.'
    assert ("Leila Haddad", "CALL_ON", "retailer") in actions(nlp, text)


def test_the_company_as_object_is_not_the_subjects_own(nlp):
    text = "Northern Railways cut its services. ARDU leader Kevin Marsh accused the company of refusing to negotiate."
    assert ("Kevin Marsh", "ACCUSE", "Northern Railways") in actions(nlp, text)


def test_thing_nodes_are_normalised_head_phrases(nlp):
    extraction = extract(nlp, "Bernard Cazeneuve promised two hundred more police officers.")
    things = {e.name for e in extraction.entities if e.type == "THING"}
    assert things == {"police officer"}


def test_what_is_offered_is_the_object_not_whom_it_is_offered_to(nlp):
    found = actions(nlp, "Fennick Valley Hospitals Trust offered staff a retention bonus last month.")
    assert ("Fennick Valley Hospitals Trust", "OFFER", "retention bonus") in found
    assert not any(obj == "staff" for _, _, obj in found)


def test_which_after_a_persons_title_is_the_body_named_there(nlp):
    text = "Romero, president of the Nebraska Teachers Federation, which had lobbied for the bill for two years, called the veto a slap."
    assert ("Nebraska Teachers Federation", "LOBBY_FOR", "bill") in actions(nlp, text)


def test_the_company_is_never_the_outlet_someone_spoke_to(nlp):
    text = "Kelmsford Foods apologised. Its chief executive told BBC Radio Kelmsford the packs were withdrawn. The company has suspended the manager."
    assert ("Kelmsford Foods", "SUSPEND", "manager") in actions(nlp, text)


def test_a_verb_the_model_lemmatised_as_a_noun_keeps_its_own_lemma_and_a_sum_is_no_object(nlp):
    found = actions(nlp, "The Harbour Authority fined Kestrel Shipping 4 million euros on Tuesday.")
    assert ("Harbour Authority", "FINE", "Kestrel Shipping") in found
    assert not any(verb == "FIN" or obj == "euro" for _, verb, obj in found)


def test_an_unnamed_gang_acts(nlp):
    assert ("gang", "STEAL", "jewellery") in actions(nlp, "The gang stole jewellery from 27 homes.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed actor named in apposition after a comma
        ("The fraud was uncovered by an inspector from the county treasury, Maren Eklund, who read the ledgers.",
         ("Maren Eklund", "UNCOVER", "fraud")),
        # "the governor" is the person an abbreviated title named so
        ("Gov. Ruth Calloway vetoed the bill on Friday. The teachers' union Learn First Ostmark thanked the governor.",
         ("Learn First Ostmark", "THANK", "Ruth Calloway")),
        # "the chain" far back: the body the article described so
        ("Grocery chain Pellow's was fined by the Food Safety Regulator on Monday. Inspectors found old meat at nine stores. "
         "They visited 40 stores in March. Staff had changed the dates. A shopper posted pictures online. "
         "The chain, which was bought by the investment firm Harrow Partners in 2019, apologised.",
         ("Harrow Partners", "BUY", "Pellow")),
        # the broadcaster someone spoke to is not "the company", even when the model reads its name in two
        ("Corvane Foods chief executive Omar Lindqvist said the firm regretted it. He told BBC Radio Kelmsford: \"We are sorry.\" "
         "The company has suspended the manager of the store.", ("Corvane Foods", "SUSPEND", "manager")),
        # "it" for an unnamed body's word is the body named with it ("the nine-member court" → the Supreme Court)
        ("Ostmark's Supreme Court struck down the law on Monday.\n\nThe nine-member court ruled 6-3 that the law was void. "
         "It ordered the ministry to repay the fines.", ("Supreme Court", "ORDER", "ministry")),
        # a body under the last word of its name, which the model left untagged
        ("Harrowgate Rovers lost again on Saturday. Rovers signed striker Tomasz Wilk for £4m in the summer.",
         ("Harrowgate Rovers", "SIGN", "Tomasz Wilk")),
    ],
)  # fmt: skip
def test_who_an_unnamed_actor_is(nlp, text, expected):
    assert expected in actions(nlp, text)
