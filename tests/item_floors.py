"""The item corpus sets that are scored, with their floors: a dev set from when it is written, a sealed set
once it has been scored (until then it is left alone, by every test)."""

from __future__ import annotations

# set → (floor, the set's story)
FLOORS: dict[str, tuple[float, str]] = {
    "dev": (0.98, "the first blind set"),
    "sealed": (0.98, "its sealed part, spent"),
    "sealed2": (0.975, "the second set's sealed part, spent"),
    "sealed3": (0.98, "the third set's sealed part, spent"),
    "dev2": (0.985, "written after the first round of tuning"),
    "dev3": (0.96, "written after the second"),
    "dev4": (0.98, "written after the third"),
    "sealed4": (0.97, "its sealed part: 72.9 % when scored once"),
    "dev5": (0.94, "written after the fourth was spent"),
    "sealed5": (0.915, "its sealed part: 60.0 % when scored once"),
    "sealed6": (0.94, "a sixth set, all sealed: 74.2 % when scored once"),
    "sealed7": (0.96, "a seventh set, all sealed: 80.0 % when scored once"),
    "sealed8": (0.93, "an eighth set, all sealed: 70.8 % when scored once"),
    "sealed9": (0.925, "a ninth set, all sealed: 72.5 % when scored once"),
    "sealed10": (0.925, "a tenth set, all sealed, scored once on the final code: 73.3 %, 4 marked without a tap"),
    "sealed11": (0.925, "an eleventh set, all sealed: 71.7 % when scored once, none marked without a tap"),
    "sealed12": (0.93, "a twelfth set, all sealed: 79.2 % when scored once, 1 marked without a tap"),
    "sealed13": (0.915, "a thirteenth set, all sealed: 77.5 % when scored once, none marked without a tap"),
    "sealed14": (0.975, "a fourteenth set, all sealed: 84.2 % when scored once, 1 marked without a tap"),
    "sealed15": (0.915, "a fifteenth set, all sealed: 81.7 % when scored once, none marked without a tap"),
    "sealed16": (0.945, "a sixteenth set, all sealed: 83.3 % when scored once, 2 marked without a tap"),
    "sealed17": (0.865, "a seventeenth set, all sealed, scored once on the final code: 65.0 %, 2 marked without a tap"),
    "sealed18": (
        0.925,
        "an eighteenth set, all sealed, scored once on the final code: 89.2 %, none marked without a tap",
    ),
    "sealed19": (
        0.98,
        "a nineteenth set, all sealed, scored once on the final code of the tenth session: 91.7 %, none marked"
        " without a tap (90.0 % on its start code)",
    ),
    "sealed20": (
        0.975,
        "a twentieth set, all sealed, scored once on the final code of the eleventh session: 89.2 %, none marked"
        " without a tap (88.3 % on its start code)",
    ),
    "sealed21": (
        0.955,
        "a twenty-first set, all sealed, scored once on the final code of the twelfth session: 95.8 %, none marked"
        " without a tap (the same on its start code)",
    ),
    "dev6": (0.98, "written at the start of the ninth session: 90.0 % when first scored, then tuned on"),
    "dev7": (0.955, "written in the ninth session: 80.8 % when first scored, then tuned on"),
    "dev8": (0.98, "written later in the ninth session: 89.2 % when first scored (90.0 % on its start code)"),
    "dev9": (0.965, "written late in the ninth session: 85.0 % when first scored (85.8 % on its start code)"),
    "dev10": (
        0.93,
        "written last in the ninth session: 84.2 %, 1 marked without a tap, when first scored (80.0 %, 1)",
    ),
    "dev11": (0.93, "written at the end of the ninth session: 87.5 % when first scored (85.0 % on its start code)"),
    "dev12": (
        0.93,
        "written at the start of the tenth session: 80.6 %, 1 marked without a tap, when first scored (the same on its"
        " start code)",
    ),
    "dev13": (
        0.965,
        "written in the tenth session: 83.3 %, 1 marked without a tap, when first scored (82.5 %, 1 on its start code)",
    ),
    "dev14": (0.925, "written late in the tenth session: 81.7 % when first scored (80.8 % on its start code)"),
    "dev15": (
        0.965,
        "written at the start of the eleventh session: 93.3 % when first scored (the same on its start code)",
    ),
    "dev16": (
        0.965,
        "written at the start of the eleventh session: 85.8 % when first scored on its start code, 86.7 % after one"
        " change",
    ),
    "dev17": (
        0.955,
        "written in the eleventh session: 85.8 % when first scored, on its start code and four changes later",
    ),
    "dev18": (
        0.98,
        "written in the eleventh session: 87.5 %, 1 marked without a tap, when first scored (the same on its start"
        " code)",
    ),
    "dev19": (
        0.955,
        "written late in the eleventh session: 90.8 %, 2 marked without a tap, when first scored (the same on its start"
        " code)",
    ),
    "dev20": (
        0.82,
        "written at the start of the twelfth session (newcomers in everyday words; quarter-end round-ups): 71.7 %, 1"
        " marked without a tap, when first scored (the same on its start code)",
    ),
    "dev21": (
        0.945,
        "written at the start of the twelfth session (typed by voice; heads replying and correcting): 85.8 % when"
        " first scored (the same on its start code)",
    ),
    "dev22": (
        0.945,
        "written in the twelfth session (answers to the bot's reminders; English-Thai code-mixing): 88.3 % when first"
        " scored (87.5 % on its start code)",
    ),
    "sealed22": (
        0.98,
        "a twenty-second set, all sealed, scored once on the final code of the thirteenth session: 96.7 %, 1 marked"
        " without a tap (the same on its start code); that mark, a step named as a source, fixed after",
    ),
    "dev23": (
        0.94,
        "written at the start of the thirteenth session (memo paragraphs from Word; terse one-liners): 84.2 % when"
        " first scored on its start code, 85.0 % one change later",
    ),
    "dev24": (
        0.94,
        "written in the thirteenth session (reports passed on for others; delays and problems): 82.5 %, 2 marked"
        " without a tap, when first scored (the same on its start code)",
    ),
    "dev25": (
        0.965,
        "written at the start of the fifteenth session (follow-ups days after a report; counting and ordering words"
        " such as 'สองขั้นแรก', 'ทุกขั้นยกเว้นขั้นสุดท้าย'): 84.2 % when first scored on its start code",
    ),
    "sealed23": (
        0.95,
        "a twenty-third set, all sealed, scored once on the final code of the fifteenth session: 93.3 %, 2 marked"
        " without a tap (91.7 %, 2, on its start code); those marks, a step said not to be meant, fixed after",
    ),
    "dev26": (
        0.955,
        "written at the start of the sixteenth session (results with numbers beside the items; outputs and"
        " documents beside plans for next month): 90.0 % when first scored on its start code",
    ),
    "dev27": (
        0.905,
        "written in the sixteenth session (the five questions answered line by line; several indicators in one"
        " message): 76.7 % when first scored (the same on its start code)",
    ),
    "sealed24": (
        0.925,
        "a twenty-fourth set, all sealed (senior staff mixing a report with questions; a fiscal year of one"
        " unit's chat), scored once on the sixteenth session's code: 86.7 %, none marked without a tap (86.7 % on"
        " its start code)",
    ),
    "dev28": (
        0.94,
        "written at the start of the seventeenth session (work told through the people and offices involved;"
        " drafts, tests, intentions and questions beside finished work): 82.5 % when first scored, 4 marked"
        " without a tap (the same on its start code)",
    ),
    "dev29": (
        0.915,
        "written in the seventeenth session (items told by their planned months or share of the step table; a"
        " new owner telling the whole year's status): 75.0 % when first scored mid-session, 5 marked without a tap",
    ),
    "sealed25": (
        0.955,
        "a twenty-fifth set, all sealed (a typical month in the unit's group; work told by the seeds' project and"
        " activity names), scored once on the seventeenth session's code: 91.7 %, 1 marked without a tap (the"
        " same on its start code)",
    ),
    "dev30": (
        0.92,
        "written at the start of the eighteenth session (the evidence told with the work; this year against last"
        " year and the plan): 87.5 %, 2 marked without a tap, when first scored (the same on its start code)",
    ),
    "dev31": (
        0.97,
        "written in the eighteenth session (status tables pasted from Excel or Word; answers to the committee's"
        " chasing in the group): 91.7 %, 2 marked without a tap, when first scored (the same on its start code)",
    ),
    "dev32": (
        0.92,
        "written in the eighteenth session (several items in one run-on sentence; checklists and ladders told by"
        " points, parts, forms and levels): 89.2 %, 1 marked without a tap, when first scored (the same on its"
        " start code)",
    ),
    "dev33": (
        0.91,
        "written late in the eighteenth session (work told by what it changed for people; office jargon and"
        " nicknames): 89.2 % when first scored (90.0 % on its start code)",
    ),
    "sealed26": (
        0.945,
        "a twenty-sixth set, all sealed (one quarter of a unit's reporting; people who know their indicators),"
        " scored once on the eighteenth session's code (3328743): 95.0 %, none marked without a tap (the same on"
        " its start code 3e36316)",
    ),
    "dev34": (
        0.9,
        "written late in the eighteenth session (typed in a hurry on a phone; a unit head forwarding and summing up"
        " staff reports): 75.0 %, 3 marked without a tap, when first scored (74.2 %, 4 on its start code)",
    ),
    "dev35": (
        0.94,
        "written at the start of the nineteenth session (dictated by voice typing; items named by the document or"
        " output they produced): 85.0 %, none marked without a tap, when first scored (the same on its start code)",
    ),
    "dev36": (
        0.885,
        "written at the start of the nineteenth session (corrections and second thoughts; reporters unsure whether"
        " work counts): 76.7 %, none marked without a tap, when first scored (the same on its start code)",
    ),
    "sealed27": (
        0.98,
        "a twenty-seventh set, all sealed, scored once on the final code of the nineteenth session (658d47f): 98.3 %,"
        " none marked without a tap (97.5 % on its start code)",
    ),
}
