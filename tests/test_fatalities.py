"""Fatalities by the codebook's conservative rules (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dateline.extraction.fatalities import count_fatalities, number_value


@pytest.mark.parametrize(("words", "value", "vague"), [
    ("at least five", 5, False),   # "at least N" = N
    ("tens", 10, False),           # codebook: tens = 10
    ("dozens", 12, False),         # codebook: dozens = 12
    ("hundreds", 100, False),      # codebook: hundreds = 100
    ("twenty-two", 22, False),
    ("1,200", 1200, False),
    ("several", 3, True),          # vague: smallest "several" allows, flagged
    ("a number of", 2, True),      # vague: smallest plural, flagged
])
def test_number_words(words: str, value: int, vague: bool) -> None:
    assert number_value(words) == (value, vague)


def test_digits_and_words_in_a_sentence() -> None:
    assert count_fatalities("Gunmen killed 7 villagers near the market.").value == 7
    assert count_fatalities("Three farmers were shot dead on their land.").value == 3


def test_injuries_are_not_deaths() -> None:
    assert count_fatalities("Eleven students were injured when police charged.").value is None


def test_injured_and_killed_counts_only_the_dead() -> None:
    assert count_fatalities("The blast left four wounded and two killed.").value == 2


def test_coordinated_victims_add_up() -> None:
    # two soldiers + one civilian in one clause = 3
    assert count_fatalities("Two soldiers and one civilian were killed in the ambush.").value == 3


def test_vague_plural_is_flagged() -> None:
    count = count_fatalities("Several herders died in the raid.")
    assert count.value == 3 and count.vague


def test_deaths_in_as_many_days_give_a_range() -> None:
    count = count_fatalities("The crackdown caused six deaths in as many days.")
    assert count.value == 6 and count.days == 6


def test_conflicting_figures_keep_the_lowest() -> None:
    count = count_fatalities("Medics said nine people died; the governor said the death toll was 4.")
    assert count.value == 4 and count.disputed


def test_no_number_is_unknown() -> None:
    assert count_fatalities("Several shops were looted overnight.").value is None
    assert count_fatalities("Protesters were killed and injured in the capital.").value is None


def test_dates_are_not_counts() -> None:
    assert count_fatalities("On 3 May 2021 one man was killed.").value == 1


@pytest.mark.parametrize(("sentence", "value"), [
    ("Soldiers killed seven separatists near Kumba on Friday.", 7),
    ("Four marines died when their boat was hit by a rocket.", 4),
    ("Nine marchers were killed when police opened fire.", 9),
    ("Gunmen killed 6 on March 2 near Kano.", 6),
])
def test_a_word_that_starts_like_a_month_is_no_date(sentence: str, value: int) -> None:
    # "7 separatists", "4 marines": only a month's name or abbreviation after the number makes it a date
    assert count_fatalities(sentence).value == value


def test_definite_single_victim_counts_one() -> None:
    assert count_fatalities("A sniper shot at the checkpoint, killing the guard.").value == 1


@pytest.mark.parametrize(("sentence", "value"), [
    ("A drone hit a pick-up truck near Marib on Sunday, killing its driver.", 1),
    ("Gunmen shot dead the headmaster of a school in Bannu on Friday.", 1),
    ("An air strike on the house killed their children.", None),  # a plural that takes no "s" is no single victim
])
def test_a_possessive_or_definite_victim_after_shot_dead(sentence: str, value: int | None) -> None:
    assert count_fatalities(sentence).value == value


def test_an_age_is_not_a_count() -> None:
    # the victim's age names one person, not four deaths
    assert count_fatalities("Two men were charged with the murder of 4-year-old Lerato in Soweto.").value != 4
    assert count_fatalities("Residents marched over the killing of 12-year-old Ana by a stray bullet.").value != 12


def test_a_victim_and_his_companion_are_two() -> None:
    assert count_fatalities("A farmer and his son were shot dead near their fields.").value == 2
    assert count_fatalities("A trader and her driver, both from Kano, were killed at a checkpoint.").value == 2
    # the second person only injured: one death
    assert count_fatalities("A man was killed and his wife injured.").value == 1


@pytest.mark.parametrize(("sentence", "value"), [
    ("Between nine and 50 civilians were killed when the convoy was shelled.", 9),
    ("The militia raided the camp, killing 10 to 15 herders.", 10),
    ("Witnesses said 20-30 people died in the stampede at the rally.", 20),
    ("From four to seven villagers were killed overnight, elders said.", 4),
    ("Two or three guards were shot dead at the gate.", 2),
    ("Between twenty and thirty-five miners died in the collapse after the blast.", 20),
])
def test_a_range_of_deaths_is_its_lower_bound(sentence: str, value: int) -> None:
    # the codebook's conservative rule: a range is its smallest figure, never the sum of its two ends
    count = count_fatalities(sentence)
    assert count.value == value
    assert count.figures == [value]


def test_a_rising_toll_is_not_a_range() -> None:
    assert count_fatalities("The death toll rose from five to 12 on Sunday, officials said.").value == 12


def test_coordinated_victims_still_add_up_beside_a_range_rule() -> None:
    assert count_fatalities("Two soldiers and three civilians were killed in the ambush.").value == 5


def test_the_weapon_before_killed_is_not_the_count_of_the_dead() -> None:
    # "an air strike killed" names one attack, not one death
    assert count_fatalities("An air strike killed six fighters near the dam on Friday.").value == 6
    assert count_fatalities("Two car bombs killed eleven people outside the market.").value == 11
    assert count_fatalities("A soldier was killed when the bomb went off.").value == 1


@pytest.mark.parametrize(
    "text",
    [
        "The council's treasurer, Sipho Dlamini, was stabbed to death while a second man was badly hurt, police said.",
        "Militia commander Abu Hamza al-Zubaidi was killed in a drone strike on Tuesday.",
        "He was shot dead outside his home in the old city.",
        "Opposition MP Joan Wanjiru was assassinated on her way to parliament.",
    ],
)
def test_one_named_victim_is_one_death(text: str) -> None:
    # before: a victim named rather than counted ("a man", "two soldiers") gave no figure at all
    assert count_fatalities(text).value == 1


def test_a_named_group_that_is_defeated_is_no_death() -> None:
    assert count_fatalities("The Islamic State was defeated in the town last year.").value is None


@pytest.mark.parametrize(("text", "value"), [
    # the phrase before an active "killed" is what killed, and its object is who died
    ("An air strike on a house in the old town killed 12 people on Tuesday.", 12),
    ("A bomb in a crowded market killed three civilians.", 3),
    # a reduced relative and the passive keep their victims
    ("Two people killed in the blast were buried on Friday.", 2),
    ("Five protesters were killed on Sunday.", 5),
])
def test_what_killed_is_not_who_died(text: str, value: int) -> None:
    # before: "a house in the old town killed" read as one death, and the conservative rule kept the lower figure
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("A mob burned two suspected thieves to death in the market on Friday.", 2),
    ("Attackers hacked five villagers to death with machetes.", 5),
])
def test_an_active_verb_with_to_death_counts_its_object(text: str, value: int) -> None:
    # before: "burned two suspected thieves to death" gave no figure
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    # an age in the victim's description is no duration that blocks the count
    ("Police said a 40-year-old man was shot dead in Nyanga during the unrest.", 1),
    ("Two 19-year-old students were killed in the crossfire.", 2),
    # a duration still blocks it
    ("The siege, now three years old, has killed hundreds.", 100),
])
def test_an_age_is_no_duration(text: str, value: int) -> None:
    # before: "40-year-old" read as "years" left the man shot dead uncounted
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("A village chief was killed along with four of his guards in an ambush near Butembo.", 5),
    ("The district commander was killed along with two other officers when a roadside bomb hit their car.", 3),
    ("A nurse was shot dead along with her two daughters at their home.", 3),
])
def test_a_victim_killed_along_with_others_counts_them_all(text: str, value: int) -> None:
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "dead"), [
    # "a toll of N" is N dead, not one (the article "a" is no victim)
    ("The health ministry gave a toll of 15 dead and 40 wounded.", 15),
    ("Police put the toll at 12.", 12),
    ("Officials revised the toll up to 27.", 27),
])
def test_a_toll_told_as_a_figure(text: str, dead: int) -> None:
    assert count_fatalities(text).value == dead


@pytest.mark.parametrize(("text", "value"), [
    ("A mortar killed a woman and her 9-year-old son in Saraqeb on Monday.", 2),
    ("A farmer and his 12-year-old daughter were killed by a drone near Kobani.", 2),
    ("Four people, two of them children, were killed in the strike on Kafranbel.", 4),
    ("Six soldiers, three of whom were officers, were killed in the ambush.", 6),
])
def test_ages_and_shares_of_the_victims_do_not_change_the_count(text: str, value: int) -> None:
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    # a killing by hand, blade or fire told as how the victims died, the victims before the verb
    ("Two suspected thieves were hacked to death by a mob in Kisumu on Tuesday.", 2),
    ("Five villagers were hacked to death by militiamen in Djugu.", 5),
    ("A suspected witch was burnt to death by a mob in Kisii.", 1),
    ("Two men were clubbed to death by residents in Ibadan.", 2),
    ("A teenage boy was stoned to death in Beledweyne.", 1),
    ("Six people were burnt alive when attackers set their houses on fire.", 6),
])
def test_victims_before_a_killing_by_hand_or_fire_are_counted(text: str, value: int) -> None:
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value", "vague"), [
    # victims named by a definite plural and no number are at least two, a vague figure; "both" are two
    ("The men were beaten to death before officers arrived.", 2, True),
    ("The suspected robbers were lynched by traders.", 2, True),
    ("Both brothers were shot dead outside their shop.", 2, False),
    ("The victims, all farmers, were hacked to death.", 2, True),
    ("Soldiers beat the men to death.", 2, True),
])
def test_a_definite_plural_with_no_number_is_at_least_two(text: str, value: int, vague: bool) -> None:
    count = count_fatalities(text)
    assert (count.value, count.vague) == (value, vague)


def test_a_definite_plural_yields_to_a_stated_number() -> None:
    assert count_fatalities("Four soldiers were killed in the ambush; the soldiers were shot dead at close range.").value == 4


@pytest.mark.parametrize(("text", "value"), [
    ("Two of the wounded died in hospital on Saturday.", 2),                # the wounded are who died
    ("Another policeman died of his wounds on Sunday.", 1),                 # "another" is one more victim
    ("Another five people were killed on Sunday.", 5),                      # ... but "another five" is five
    ("Another attack killed four people.", 4),                              # an attack is counted, not a victim
    ("Gunmen attacked a village, killing 12 people; five of the wounded later died in hospital.", 17),
    ("Police shot dead three protesters; two more died in hospital.", 5),   # more dead add, they do not dispute
    ("Ten people were killed, including two children who died in hospital.", 10),  # a share of the ten
    ("Five of the injured were in a critical condition.", None),
    ("Unrest in the city of Kisumu claimed nine lives on Tuesday.", 9),    # lives claimed are the dead
    # ... but the lives that weeks of fighting claimed are a total over the weeks, no act's toll
    ("Rebels entered the town after three weeks of fighting, which claimed some 200 lives.", None),
])
def test_deaths_of_the_wounded_and_more_dead_in_one_text(text: str, value: int | None) -> None:
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    # "a third" after a count is one more of the dead, added to the count, not a figure of one that disputes it
    ("Gunmen killed two soldiers in an ambush near Gao on Monday and a third died of his wounds.", 3),
    ("Three policemen were killed in the raid, and a fourth officer died later in hospital.", 4),
    # "a third of" the dead is a share of them: no count at all
    ("Twelve people died in the attack; a third of the dead were children.", 12),
    # guard: a third one wounded is no death
    ("Gunmen killed two soldiers, and a third was wounded.", 2),
    # a "while" clause of the third victim: its death word is his, not the two soldiers' again
    ("The blast killed two soldiers, while a third later died in hospital.", 3),
    ("Gunmen shot dead two traders, whereas a third died of his wounds on Tuesday.", 3),
])
def test_a_third_dead_after_a_count_is_one_more(text: str, value: int) -> None:
    count = count_fatalities(text)
    assert (count.value, count.disputed) == (value, False)


@pytest.mark.parametrize(("text", "value"), [
    # what an act "left" dead is counted after the verb; the "a" before it names the act's target, not one victim
    ("Three days earlier, an ambush on a convoy left five soldiers dead.", 5),
    ("A raid on a camp for the displaced left seven people dead.", 7),
    ("Fighting around a checkpoint, leaving four militiamen dead, lasted until dawn.", 4),
])
def test_what_an_act_on_a_target_left_dead_is_its_count(text: str, value: int) -> None:
    count = count_fatalities(text)
    assert (count.value, count.disputed) == (value, False)


@pytest.mark.parametrize(("text", "dead"), [
    ("Two policemen were gunned down outside a mosque on Friday.", 2),
    ("A would-be suicide bomber was gunned down by police at the gate.", 1),
])
def test_people_gunned_down_are_dead(text: str, dead: int) -> None:
    assert count_fatalities(text).value == dead


@pytest.mark.parametrize(("text", "value"), [
    ("Two more soldiers died of their wounds, bringing the death toll to 12.", 12),
    ("Three of the injured died in hospital, raising the toll to 20.", 20),
    ("Two more soldiers died of their wounds on Tuesday.", 2),
])
def test_more_dead_told_with_the_running_total_are_inside_it(text: str, value: int) -> None:
    count = count_fatalities(text)
    assert count.value == value
    assert count.total == ("toll" in text)


@pytest.mark.parametrize(("text", "value"), [
    ("Two people, a woman and a child, were killed.", 2),
    ("Three people — two soldiers and a civilian — were killed in the ambush.", 3),
    ("Four people, three farmers and a herder, were killed, police said.", 4),
    ("A second protester, shot in the chest, died in hospital on Wednesday.", 1),
    ("Five soldiers, wounded in the ambush, later died.", 5),
])
def test_an_aside_after_the_counted_victims_leaves_the_head_count(text: str, value: int) -> None:
    # before: the aside's last victim ("a child were killed") was read as the figure, or the aside hid the verb
    assert count_fatalities(text).value == value



@pytest.mark.parametrize(("text", "value"), [
    ("A police officer was shot dead on Monday alongside two colleagues.", 3),
    ("The officer was killed alongside a colleague, police said.", 2),
    ("A district commissioner was killed on Monday night along with his driver.", 2),
    ("The soldier was killed alongside US forces.", 1),  # a force fought beside, no count of the dead
])
def test_a_victim_killed_alongside_others_counts_them_too(text: str, value: int) -> None:
    # before: only "was killed along with N", right after the verb, added the others
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("In the raid on two villages, five people were killed.", 5),
    ("During an attack on three police posts, 12 officers were killed, the army said.", 12),
])
def test_a_count_of_places_before_a_comma_is_not_the_victims_count(text: str, value: int) -> None:
    # before: the first number, of villages or posts, was read with the victims after the comma as their count
    assert count_fatalities(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("Four soldiers, two civilians and a boy died when their convoy hit a mine near the border.", 7),
    ("Rebels raided the market town, killing five traders, three farmers and two policemen.", 10),
    ("Two nurses, a driver, and three patients were killed when the clinic was shelled.", 6),
    # a part of the group before ("two of them …") is no group of its own
    ("Six miners, three of them foreigners, were killed in the raid.", 6),
    # a count after a word of time or place before the list counts no victims
    ("By 9 am, two guards and a cook had been killed.", 3),
])
def test_every_group_of_a_list_of_victims_adds_to_the_toll(text: str, value: int) -> None:
    # before: only the last two groups, joined by "and", were summed (3, 5, 1 for the first three)
    assert count_fatalities(text).value == value
