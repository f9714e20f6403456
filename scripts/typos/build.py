"""Generate rules/typos.yaml from the compact data blocks in this folder.

    python scripts/typos/build.py [OUT]   (default: rules/typos.yaml)
"""
import os
import json, re, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expand import parse_block
import budget, os
BUDGET = int(os.environ.get('TYPOS_BUDGET', '24'))
KEEP = int(os.environ.get('TYPOS_KEEP', '2'))
MODE = os.environ.get('TYPOS_MODE', 'star')
from data_eggcorns import EGGCORNS
from data_malaprop import MALAPROPISMS
from data_confused import CONFUSED
from data_news import NEWS
from data_misc import POSSESSIVES, WOULD_OF, NONSTANDARD
from data_more import MORE_EGGCORNS, MORE_CONFUSED, MORE_NEWS
from data_more2 import EGG2, CONF2, NONST2
from data_more3 import EGG3, CONF3, NEWS3, NONST3, MYBY

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules", "typos.yaml")

HEADER = """\
# lintnews rule pack: real-word typos, malapropisms and eggcorns.
#
# Every entry maps a wrong phrase to the right one. Matching is case-insensitive,
# word-bounded and whitespace-flexible; straight and curly apostrophes match each
# other. [Brackets] mark the word that is flagged and replaced; the words around
# them are context that must be present. Context is what keeps homophone swaps
# safe: "peak" alone is a word, "[peaked] my interest" is a slip for "piqued".
#
# Only unambiguous errors belong here. Contested or merely informal usages
# ("could care less", "hone in", "chomping at the bit", "lay low", "alright",
# "comprised of", "nerve-wracking") are deliberately left out, as are
# homophone pairs that no fixed context can separate ("complement of",
# "affect" or "loose" on their own).
#
# Sources. The entries were written for lintnews from general knowledge of
# English usage and checked against these public references:
#   - proselint (BSD-3-Clause), checks malapropisms, mondegreens, misc.preferred_forms,
#     spelling.ve_of: https://github.com/amperser/proselint
#   - Wikipedia, "Eggcorn", "Malapropism", "List of commonly misused English words"
#     and "Commonly misspelled English words" (CC BY-SA 4.0):
#     https://en.wikipedia.org/wiki/Eggcorn
#     https://en.wikipedia.org/wiki/Malapropism
#     https://en.wikipedia.org/wiki/List_of_commonly_misused_English_words
#     https://en.wikipedia.org/wiki/Commonly_misspelled_English_words
#   - Paul Brians, "Common Errors in English Usage" (consulted, not copied):
#     https://brians.wsu.edu/common-errors-in-english-usage/
#   - Garner's Modern English Usage (consulted as a reference, not copied).
# No entry was taken from the Eggcorn Database, which has no open licence.
#
# The substitution type has no alternation syntax, so inflections ("tow", "towed",
# "towing") and the contexts that make a homophone safe ("[peaked] my interest",
# "[peaked] her interest") are spelled out one entry per line. Sections are grouped
# by the confusion they catch; add a new context next to its siblings.
"""

PACK_DESCRIPTION = (
    "Real-word errors, malapropisms and eggcorns: correctly spelt words in the wrong "
    "place (\"death tool\", \"baited breath\", \"tow the line\", \"would of\", \"peaked my "
    "interest\"). Homophones are flagged only in fixed contexts where the other reading is "
    "impossible. Sources: written from general usage knowledge and checked against proselint "
    "(BSD-3-Clause), Wikipedia's \"Eggcorn\", \"Malapropism\" and \"List of commonly misused "
    "English words\" articles (CC BY-SA 4.0), Paul Brians' \"Common Errors in English Usage\" "
    "and Garner's Modern English Usage (consulted, not copied)."
)

RULES = [
    dict(
        id="typos.eggcorns", severity="warning",
        message="'{match}' looks like a slip for '{fix}'",
        link="https://en.wikipedia.org/wiki/Eggcorn",
        description=(
            "An eggcorn is a word or phrase misheard as another that sounds the same and seems "
            "to make sense: \"baited breath\" for \"bated breath\", \"tow the line\" for \"toe the "
            "line\", \"for all intensive purposes\" for \"for all intents and purposes\". Readers "
            "notice them, and in news copy they undermine trust in everything else on the page. "
            "Example: \"The market waited with baited breath\" should read \"bated breath\"."),
        blocks=[EGGCORNS, MORE_EGGCORNS, EGG2, EGG3],
        exceptions=["mine as well as", "right of passage through", "right of passage across", "right of passage over",
                    "rights of passage through", "right of passage to the sea"],
        flag=["Investors waited with baited breath for the figures.",
              "For all intensive purposes the deal is dead.",
              "Backbenchers were told to tow the party line.",
              "The storm wrecked havoc across the county.",
              "The scheme was a damp squid.",
              "The minister was given free reign over the budget."],
        pass_=["Investors waited with bated breath for the figures.",
               "For all intents and purposes the deal is dead.",
               "Backbenchers were told to toe the party line.",
               "The storm wreaked havoc across the county.",
               "The council has taken a back seat in the talks.",
               "It was the third one in the same week."],
    ),
    dict(
        id="typos.malapropisms", severity="warning",
        message="'{match}' looks like a slip for '{fix}'",
        link="https://en.wikipedia.org/wiki/Malapropism",
        description=(
            "A malapropism puts a similar-sounding word in place of the right one inside a fixed "
            "phrase, changing or destroying its meaning: \"statue of limitations\", \"flaunt the "
            "rules\" (show off) for \"flout the rules\" (defy), \"exasperate the problem\" for "
            "\"exacerbate the problem\". Example: \"Drivers continue to flaunt the ban\" should read "
            "\"flout the ban\"."),
        blocks=[MALAPROPISMS],
        exceptions=[],
        flag=["The statue of limitations has expired.",
              "Drivers continue to flaunt the ban.",
              "The cuts will only exasperate the problem.",
              "Officers tried to diffuse the situation.",
              "Detectives poured over the documents for weeks."],
        pass_=["The statute of limitations has expired.",
               "Drivers continue to flout the ban.",
               "Water poured over the dam after the storm.",
               "Officers tried to defuse the situation.",
               "Light is diffused through the glass roof."],
    ),
    dict(
        id="typos.confused-words-in-context", severity="warning",
        message="'{match}' looks like a slip for '{fix}' here",
        link="https://en.wikipedia.org/wiki/List_of_commonly_misused_English_words",
        description=(
            "Homophones and near-homophones that a spell-checker accepts but the context rules "
            "out: \"peaked my interest\" (piqued), \"take the reigns\" (reins), \"a lightening "
            "strike\" (lightning), \"more then expected\" (than), \"agreed in principal\" "
            "(principle). Each entry carries enough surrounding words that only the wrong reading "
            "matches. Example: \"The case peaked her interest\" should read \"piqued\"."),
        blocks=[CONFUSED, MORE_CONFUSED, CONF2, CONF3, MYBY],
        exceptions=["isle of", "alter ego", "alter egos", "breath test", "breath tests",
                    "breath testing", "breath-test", "let loose", "lets loose", "letting loose",
                    "cut loose", "cuts loose", "broke loose", "break loose", "set loose",
                    "turned loose", "turn loose"],
        flag=["The case peaked her interest.",
              "The note was passed on my a soldier at the meeting.",
              "She will take the reigns next month.",
              "Sales were higher then expected.",
              "Both sides agreed in principal to the deal.",
              "A lightening strike cut power to the village.",
              "Several players could loose their places."],
        pass_=["Sales peaked in the summer.",
               "The note was passed on by a soldier at the meeting.",
               "The queen's reign ended in 1603.",
               "The cuts were agreed, then reversed.",
               "The loan principal will be repaid in 2030.",
               "Bad weather, then lightning, forced a delay.",
               "Fans let loose their frustration at the final whistle."],
    ),
    dict(
        id="typos.news-phrases", severity="warning",
        message="'{match}' looks like a slip for '{fix}'",
        description=(
            "Slips that recur in news copy and are painful in print: \"death tool\" for \"death "
            "toll\", \"marshal law\" for \"martial law\", \"prime minster\", \"clinical trail\", "
            "\"pubic inquiry\", \"of Irish decent\". They are real words, so spell-checkers pass "
            "them. Example: \"The death tool has risen to 40\" should read \"death toll\"."),
        blocks=[NEWS, MORE_NEWS, NEWS3],
        exceptions=["khmer rouge", "baton rouge", "moulin rouge", "pubic hair", "pubic bone",
                    "pubic lice", "pubic area", "pubic region"],
        flag=["The death tool has risen to 40.",
              "The army declared marshal law.",
              "The prime minster visited the site.",
              "Results of the clinical trail are due in May.",
              "He is of Irish decent.",
              "Campaigners want a pubic inquiry."],
        pass_=["The death toll has risen to 40.",
               "The army declared martial law.",
               "York Minster has reopened after repairs.",
               "Walkers followed the coastal trail.",
               "The Khmer Rouge regime fell in 1979.",
               "Campaigners want a public inquiry."],
    ),
    dict(
        id="typos.possessives-and-contractions", severity="warning",
        message="'{match}' looks like a slip for '{fix}'",
        description=(
            "Its/it's, their/there/they're, your/you're and whose/who's mixed up in contexts "
            "where only one reading is grammatical: \"it's own\", \"their are\", \"if your going\". "
            "Example: \"The club has it's own stadium\" should read \"its own\"."),
        blocks=[POSSESSIVES],
        exceptions=[],
        flag=["The club has it's own stadium.",
              "Their are concerns about the plan.",
              "If your going to the match, leave early.",
              "Its been a difficult year for the firm."],
        pass_=["The club has its own stadium.",
               "There are concerns about the plan.",
               "If you're going to the match, leave early.",
               "The company cut its costs by a third.",
               "It's been a difficult year for the firm."],
    ),
    dict(
        id="typos.would-of", severity="warning",
        message="'{match}' looks like a slip for '{fix}' (\"would have\", \"would've\")",
        link="https://github.com/amperser/proselint",
        description=(
            "\"Would of\", \"could of\", \"should of\" and \"must of\" are mishearings of the "
            "contracted \"would've\", \"could've\", \"should've\", \"must've\". Example: \"He could "
            "of won\" should read \"could have won\". Phrases such as \"would of course\" are "
            "left alone."),
        blocks=[WOULD_OF],
        exceptions=["of course", "of necessity", "of itself", "of themselves", "of their own",
                    "of his own", "of her own", "of its own", "of our own", "of my own",
                    "of your own", "of late", "of right"],
        flag=["He could of won the race.",
              "They should of known better.",
              "It must of been a shock.",
              "We might of missed the deadline."],
        pass_=["He could have won the race.",
               "They would, of course, deny it.",
               "The plan would of course need approval.",
               "The might of the army was on display."],
    ),
    dict(
        id="typos.nonstandard-forms", severity="warning",
        message="'{match}' is a non-standard form of '{fix}'",
        link="https://en.wikipedia.org/wiki/Commonly_misspelled_English_words",
        description=(
            "Words written as they are (mis)pronounced: \"irregardless\", \"supposably\", "
            "\"expresso\", \"nucular\", \"heighth\", \"wreckless\". They read as errors to most "
            "readers. Example: \"Irregardless of the result\" should read \"Regardless\"."),
        blocks=[NONSTANDARD, NONST2, NONST3],
        exceptions=[],
        flag=["Irregardless of the result, he will stay.",
              "She ordered an expresso.",
              "He was charged with wreckless driving.",
              "The plan is supposably final."],
        pass_=["Regardless of the result, he will stay.",
               "She ordered an espresso.",
               "He was charged with reckless driving.",
               "The plan is supposedly final."],
    ),
]


def q(s):
    return json.dumps(s, ensure_ascii=False)


def folded(text, indent):
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > 88 - indent:
            lines.append(line); line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(" " * indent + l for l in lines)


def build():
    seen = {}
    out = [HEADER, "pack: typos", "description: >", folded(PACK_DESCRIPTION, 2), "rules:"]
    counts = {}
    for rule in RULES:
        sections = []
        for block in rule["blocks"]:
            if BUDGET and rule['id'] != 'typos.nonstandard-forms':
                lines = []
                for line in block.splitlines():
                    if '=>' in line and not line.strip().startswith('#'):
                        l, r = [x.strip() for x in line.split('=>')]
                        if MODE == 'star':
                            lines.extend(s + ' => ' + r for s in budget.star(l, r, KEEP, BUDGET))
                            continue
                        line = budget.trim(l, r, BUDGET, KEEP) + ' => ' + r
                    lines.append(line)
                block = '\n'.join(lines)
            sections.extend(parse_block(block))
        out.append(f"  - id: {rule['id']}")
        out.append("    type: substitution")
        out.append("    category: typo")
        out.append(f"    severity: {rule['severity']}")
        out.append(f"    message: {q(rule['message'])}")
        out.append("    description: >")
        out.append(folded(rule["description"], 6))
        if rule.get("link"):
            out.append(f"    link: {rule['link']}")
        out.append("    swap:")
        n = 0
        for comment, entries in sections:
            if comment:
                out.append(f"      # {comment}")
            for wrong, right in entries:
                key = re.sub(r"[\[\]]", "", wrong).lower().replace("’", "'")
                if key in seen:
                    continue
                seen[key] = rule["id"]
                if wrong.replace("[", "").replace("]", "").lower() == right.lower():
                    raise SystemExit(f"identity entry {wrong!r}")
                out.append(f"      {q(wrong)}: {q(right)}")
                n += 1
        counts[rule["id"]] = n
        if rule["exceptions"]:
            out.append("    exceptions:")
            for e in rule["exceptions"]:
                out.append(f"      - {q(e)}")
        out.append("    examples:")
        out.append("      flag:")
        for e in rule["flag"]:
            out.append(f"        - {q(e)}")
        out.append("      pass:")
        for e in rule["pass_"]:
            out.append(f"        - {q(e)}")
    open(OUT, "w", encoding="utf-8").write("\n".join(out) + "\n")
    return counts


if __name__ == "__main__":
    counts = build()
    for k, v in counts.items():
        print(f"{k}: {v}")
    print("total", sum(counts.values()))
