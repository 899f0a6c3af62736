"""The wording that types a fact: cue phrases per fact kind.

All patterns are general English business-news phrasing, matched
case-insensitively so lower-cased corpora work too.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Cues that type an amount of money; the closest cue to the amount wins.
MONEY_CUES: dict[str, re.Pattern[str]] = {
    "valuation": re.compile(
        r"(?<!-)\b(?:valued|valuing|values|valuation|market\s+(?:value|capitali[sz]ation|cap)|"
        r"(?:is|was|are|were|now|be|being)\s+worth)\b", _I),
    "funding": re.compile(
        r"\b(?:rais(?:ed|es|ing|e)|funding|financing|fundraising|investment\s+round|"
        r"round|series\s+[a-h]|seed|injection|secured|backing)\b", _I),
    "revenue": re.compile(
        r"\b(?:revenues?|sales|turnover|arr|annual\s+recurring\s+revenue|billings|"
        r"rakes?\s+in|rak(?:ed|ing)\s+in|brings?\s+in|brought\s+in)\b", _I),
    "profit": re.compile(
        r"(?<![\w-])(?:(?:net|operating|gross|pre-?tax|adjusted|attributable)\s+)?(?:profits?|loss(?:es)?|"
        r"earnings)(?![\w-])|\b(?:net|operating)\s+income\b|"
        # "lost $30 million", "lost 2 billion yuan" (the cue window ends right before the amount)
        r"\blost(?=\s+(?:about\s+|nearly\s+|more\s+than\s+)?(?:[$£€¥]|$|[\d.,]+\s+(?:\w+\s+)?"
        r"(?:yuan|dollars|euros|pounds)))",
        _I),
}
# A profit cue's words, normalized for the fact's label: "net profit", "operating loss", "loss".
PROFIT_MEASURE = re.compile(r"(?:(?P<grade>net|operating|gross|pre-?tax|adjusted)\s+)?(?P<what>profit|loss|"
                            r"earnings|income|lost)", _I)
# "lost $7.2 million in its personal lines business": the result of a part of the company.
PROFIT_OF_PART = re.compile(r"^\s*(?:in|from|at)\s+(?:its|the|their)\s+(?:[\w/-]+\s+){0,3}?(?:business(?:es)?|units?|"
                            r"divisions?|operations|segments?|subsidiar(?:y|ies)|arm|lines)\b", _I)
# "a loss of $5 billion in market value", "lost $2 billion of its value": a fall in the share price.
PROFIT_NOT_RESULT = re.compile(r"^\s*(?:in|of)\s+(?:its\s+|the\s+company's\s+)?(?:market\s+(?:value|"
                               r"capitali[sz]ation|cap)|value|shareholder\s+value|sales|revenue)\b", _I)
# An amount followed closely by its cue: "$5 billion in funding", "$2bn valuation".
RIGHT_CUE_WINDOW = 40
LEFT_CUE_WINDOW = 90
# Cues that an amount is NOT about the company's own money (a fine, a price, a cost).
MONEY_BLOCKERS = re.compile(
    r"\b(?:fined?|penalty|settlement|cost(?:s|ing)?|prices?d?|salary|salaries|paid|pay|bonus|"
    r"debt|budget|spent|spend(?:ing)?|tax(?:es)?|"
    r"compensation|damages|bail|ransom|bid|offer(?:ed)?|acquir\w+|bought|buy|sold|sell|deal|"
    r"dividends?|buybacks?|stock|shares?|fines?|cash|charges?|write-?(?:downs?|offs?)|impairments?)\b", _I)
# Right after an amount: it is a price per share or per unit, not a company figure.
# ("$809 per square foot", "$900 a month": a rate; "$5 billion a year" stays a figure.)
PER_UNIT = re.compile(r"^\s*(?:a|an|per|each)\s+(?:share|unit|item|ticket|head|person|square\s+"
                      r"(?:foot|feet|met(?:re|er)s?)|month|week|day|night|hour|mile)\b", _I)
# "nearly 180 employees, including 38 principals, were accused": an event about those
# people, not the headcount.
EMPLOYEES_EVENT = re.compile(
    r"(?:\s*,[^,;]{0,50},)?\s+(?:were|was|have\s+been|had\s+been|are\s+being|will\s+be|"
    r"lost|lose|will\s+lose)\s+[a-z]", _I)
# "Sequoia-backed startup": backing names an investor only before a company.
BACKED_COMPANY = re.compile(
    r"-backed\s+(?:[\w-]+\s+){0,2}?(?:company|startup|start-up|firm|venture|business|maker|"
    r"developer|platform|app|lab|unicorn)\b", _I)
# "X said the businesses to be acquired had revenue of": the figure of a part of the company
# ("the business" alone is the company itself: "the business employed 6,000 people").
PART_OF_COMPANY = re.compile(
    r"\b(?:the|its|their|that|this|these)\s+(?:(?:[\w-]+\s+){0,2}?(?:units?|divisions?|businesses|"
    r"operations|subsidiar(?:y|ies)|segments?|plants?)|(?!(?:whole|entire|overall|core|main)\s)(?:[\w-]+\s+){1,2}?business)"
    r"\b(?!\s+(?:of|at)\b)", _I)  # "its electric vehicle business" is a part; "the business" the company
# A sentence opening with a name of two or more capitalized words, then its verb:
# "Mat Maid was then valued at" (not "John Smith said": a speaker may report any company's figure).
UNKNOWN_OPENING_NAME = re.compile(
    r"^(?!(?:The|A|An|In|On|At|For|But|And|Last|This|That|Its|Their)\s)"
    r"(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+)\s+"
    r"(?!said\b|says\b|told\b|added\b|noted\b|explained\b|wrote\b)[a-z]")
# Money raised for people in need is a donation, not a company's funding.
RAISED_FOR_CAUSE = re.compile(
    r"[^.;]{0,40}?\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:victims|survivors|relief|charity|"
    r"charities|families|children|orphans|refugees|the\s+poor|homeless|disaster|quake|earthquake|"
    r"flood|hurricane|appeal|cause)\b", _I)
# Wording of donations and of public money anywhere in the sentence: "a fundraising page
# ... to pay funeral expenses has raised $50,000", "welfare funding", "cut $1.1m funding".
DONATION = re.compile(
    r"\b(?:funerals?|legal\s+defen[cs]e|medical\s+(?:bills|expenses|costs|treatment)|victims|"
    r"survivors|relief|charity|charities|donations?|donors?|welfare|(?:the|his|her|their)\s+famil"
    r"(?:y|ies)|(?:cut|cuts|slashed|withdrew|withheld)\s+(?:[$£€]\s*[\d.,]+\s*\w*\s+)?(?:in\s+)?"
    r"funding)\b", _I)
# "the two face mask is valued at", "the player is valued at", "the deal, valued at":
# a thing's worth, unless the noun is the company ("the company is valued at").
THING_VALUED = re.compile(
    r"\b(?P<np>(?:the|a|an|this|that|these|those|his|her|their)\s+(?:[\w'-]+\s+){0,4}?)"
    r"(?:,\s*)?(?:(?:is|are|was|were|has\s+been|have\s+been|now|being|also)\s+){0,2}"
    r"(?:valued|worth)\b", _I)
# "though valued at $200 million, the energy storage industry": a whole trade, not a company.
WHOLE_TRADE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:industry|sector|economy)\b", _I)
# "$4.5 billion in revenue for Tesla": the company the figure belongs to follows.
FIGURE_FOR = re.compile(r"^\s*(?:in\s+)?(?:[a-z-]+\s+){0,3}?(?:for|of)\s+(?:the\s+)?$", _I)
# "a standalone app called Layout", "its 'Powerpack'": a product's name.
CALLED = re.compile(r"\b(?:called|named|dubbed|branded)\s+['\"“‘]?\s*(?P<name>[\w][\w.+-]*(?:\s+(?!and\b|or\b|in\b|on\b|to\b|for\b|with\b|which\b|that\b|at\b)[\w][\w.+-]*){0,2})", _I)
QUOTED = re.compile(r"(?:``|[\"“‘'])\s*(?P<name>[\w][^\"”’'`]{0,40}?)\s*(?:''|[\"”’'])")

# "invested $1 billion in X": funding of X by the investor named before.
INVESTED_IN = re.compile(r"\binvest(?:ed|s|ing)?\b", _I)
# "bought a 21 percent stake in Foo for 1.5 billion euros": money put into Foo, by the buyer.
STAKE_FOR = re.compile(r"\b(?:bought|buys|buying|acquired|acquires|took|takes|taking|purchased|purchases)\s+"
                       r"(?:an?\s+)?(?:[\d.]+\s*(?:percent|per\s+cent|%)\s+)?(?:minority\s+|majority\s+)?"
                       r"stake\s+in\s+(?P<target>[^,;]{2,60}?)\s+for\s+(?:about\s+|around\s+|nearly\s+)?\S{0,3}$", _I)
INVESTED_IN_TARGET = re.compile(r"^\s+(?:(?:more|directly|so\s+far)\s+)?in(?:to)?\s+(?:the\s+)?$", _I)
# A count of employees that changes ("lay off 9,000 employees") is not the headcount.
EMPLOYEE_CHANGE = re.compile(
    r"\b(?:lay(?:ing)?\s+off|laid\s+off|layoffs?|cut(?:s|ting)?|slash(?:es|ed|ing)?|fir(?:e|es|ed|ing)|"
    r"hir(?:e|es|ed|ing)|recruit(?:s|ed|ing)?|add(?:s|ed|ing)?|eliminat\w+|shed(?:s|ding)?|axe[sd]?|"
    r"redundan\w+|furlough\w*)\s*(?:up\s+to|about|around|nearly|some|more\s+than|over)?\s*$", _I)
# "reviews from 13 million users", "a survey of 2,000 users": a sample, not a user base.
USER_SAMPLE = re.compile(
    r"\b(?:from|by|among|surveyed|polled|asked|interviewed|(?:survey|poll|study|sample)\s+of)\s*"
    r"(?:about|around|nearly|some|more\s+than|over|almost)?\s*$"
    r"|\b(?:\d+|one)\s+(?:in|out\s+of)\s+(?:every\s+)?$", _I)  # "1 in 500 users": a ratio
EMPLOYMENT_CUE = re.compile(r"\b(?:employ(?:s|ed|ing|ees)?|workforce|headcount|staff|payroll)\b", _I)

ROUND = re.compile(
    r"\b(?P<round>pre-seed|seed|angel|pre-series\s+[a-h]|series\s+[a-h]\d?\+?|pre-ipo|"
    r"strategic|growth|bridge)(?:\s+(?:funding|financing|investment))?\s+(?:round|funding|financing)\b"
    r"|\b(?P<series>series\s+[a-h]\d?\+?)\b", _I)

INVESTOR_LEAD = re.compile(
    r"\b(?:led\s+by|backed\s+by|co-led\s+by|from\s+investors?\s+(?:including|such\s+as)|"
    r"investors?\s+(?:including|such\s+as|include[sd]?|are|were)|participation\s+(?:from|of)|"
    r"(?:funding|investment|capital)\s+from|with\s+(?:support|backing)\s+from|"
    r"supported\s+by|investors?\s+in\s+the\s+round\s+(?:include[sd]?|were)|"
    # "Existing investors Alibaba Group and HongShan also took part"
    r"(?:existing|other|new|early|returning|current)\s+(?:investors?|backers?|shareholders?)(?=\s+(?-i:[A-Z]))|"
    # "raised new funds in January from X", "secured $50 million from X"
    r"(?:rais(?:ed|es|ing)|secured|received|obtained)\s+[^.;]{0,50}?\b(?:funds?|funding|money|capital|"
    r"investments?|financing|million|billion|yuan|dollars)\b[^.;]{0,30}?\bfrom)\b", _I)

# "led by" names investors only where money is raised: "a venture led by X" names a leader;
# "an initiative supported by the State Department" names a sponsor.
LED_BY = re.compile(r"^(?:(?:co-)?led|supported)\s+by$", _I)
FUNDING_CONTEXT = re.compile(
    r"\b(?:round|funding|financing|rais(?:e|es|ed|ing)|invest\w*|series\s+[a-h]|seed|stake|"
    r"capital|backers?|valuation|valued)\b", _I)
# "A group of investors led by X ... to buy 50% of Y": a bid, not a funding round (no round words).
TAKEOVER_BID = re.compile(r"\b(?:buy|bought|acquir\w*|takeover|tender\s+offer|bid)\b", _I)
ROUND_WORDS = re.compile(r"\b(?:round|funding|financing|rais(?:e|es|ed|ing)|series\s+[a-h]|seed|valu\w+)\b", _I)
# "from $5 billion in 2007 to $20 billion": the second amount is the same kind of figure.
RANGE_TO = re.compile(r"^[^.;,$£€¥]{0,25}?\bto\s+(?:about\s+|around\s+|over\s+|nearly\s+)?$", _I)
# A figure the subject expects, plans or aims for, not one it has reached ("It expects full-year
# revenue of about 6 billion yuan", "expects Kling to bring in revenue of ...", "aims to reach 100
# million users by 2027"): the words between the clause's start and the amount say so.
# "data compiled by LSEG", "figures published by the CSIA": who gathered the figures, never whose they are.
COMPILED_BY = r"(?:data|figures|estimates|statistics)\s+(?:compiled|collected|published|released|provided|gathered)\s+by"
# What a source is called before its name: "research firm ITjuzi", "market researcher QuestMobile",
# "data provider Wind", "consultancy Frost & Sullivan" (optional; the name follows).
SOURCE_KIND = (r"(?:(?:(?:market|industry|financial|tech)\s+)?(?:research(?:er)?|data|consulting|analytics|"
               r"intelligence|statistics)(?:\s+(?:firm|company|provider|group|agency|house|platform))?\s+"
               r"|consultancy\s+|tracker\s+)?")
FORECAST_BEFORE = re.compile(
    r"\b(?:expects?|expected|expecting|forecasts?|forecast(?:ed|ing)|projects?|projected|projecting|"
    r"predicts?|predicted|anticipates?|anticipated|targets?|targeted|targeting|aims?|aiming|"
    r"plans?\s+to|planning\s+to|hopes?\s+to|seeks?\s+to|on\s+track\s+to|guidance|outlook|"
    r"will|would|could|might)\b", _I)
FORECAST_CLAUSE_START = re.compile(r"[;:]|,\s(?:while|whereas|but|and|although)\s", _I)
# Between the cue and the amount, a deed already done: "said it would focus on X after raising 5
# billion yuan" reports the raise, it does not forecast it.
DONE_BEFORE_AMOUNT = re.compile(r"\b(?:after|since|having|had|raised|raising|reached|reported|posted|secured|"
                                r"closed|completed|earned|generated|won)\b", _I)
RELATIVE_ASIDE = re.compile(r",\s(?:which|who|whose)\b[^,]*,", _I)  # ", which will list next year,"
# "values it at 30 billion yuan, according to people ..., up from 18 billion yuan in its previous
# round": the amount after "up from" is the earlier figure of the measure before it, whatever
# words follow it ("round" would make it a funding).
UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?$", _I)
# "rose 6% to $1.45 billion from $1.37 billion", "..., compared with $2.42 billion",
# "a 13% increase from last year's $1.55 billion": the earlier figure of the same measure.
COMPARED_FROM = re.compile(
    r"^[^.;$£€¥]{0,30}?\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
    r"(?:(?:the\s+)?(?:year-earlier|year-ago|prior-year|previous|last\s+year(?:'s|’s)|"
    r"a\s+year\s+earlier(?:'s|’s)?)\s+)?(?:about\s+|around\s+|nearly\s+)?$", _I)

FOUNDED_YEAR = re.compile(
    r"\b(?:founded|co-founded|established|set\s+up|incorporated|started|formed|its\s+founding|spun\s+(?:out|off)|"
    r"was\s+born|launched\s+as\s+a\s+company)\b(?P<gap>[^.;]{0,60}?)\b(?:in|since)\s+"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter)\s+of)[\s-]+)?"
    r"(?:[a-z]+\s+(?:\d{1,2},?\s+)?)?(?P<year>1[89]\d\d|20\d\d)\b", _I)

# "In 2019 she left Alibaba to found Lanhai", "In March 2021, Liu set up Foo": the year opening the
# sentence dates the founding its verb tells of (the company is named right after the verb).
OPENING_YEAR_FOUNDING = re.compile(
    r"^(?:In|By|Back\s+in)\s+(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?P<year>1[89]\d\d|20\d\d),?\s+"
    r"[^.;,]{0,60}?\b(?:(?:co-)?founded|set\s+up|established|spun\s+(?:out|off)(?!\s+of\b)|to\s+(?:co-)?found|to\s+set\s+up|"
    r"to\s+start|to\s+spin\s+(?:out|off))\s+", _I)

FOUNDER_BY = re.compile(r"\b(?:co-)?founded\s+(?:[\w,]+\s+){0,4}?(?:by|with)\b", _I)
FOUNDER_TITLE = re.compile(r"\b(?:co-?)?founders?\b", _I)
FOUNDED_ACTIVE = re.compile(r"\b(?:(?:co-)?founded|set\s+up|established|to\s+(?:co-)?found)\b(?!\s+(?:in|by|on|with)\b)",
                            _I)
# How far after an active founding verb the company founded may be named ("set up High-Flyer").
FOUNDED_OBJECT_WINDOW = 40
CLAUSE_IN_GAP = re.compile(r"[,;]|\b(?:that|which|who|but|and|while)\b", _I)  # the object's clause ends
# Between a founder's name and "founded": "Denis O'Brien, who founded Digicel".
FOUNDER_BEFORE_VERB = re.compile(
    r"^(?:\s*\(\s*[^()]{0,25}\))?\s*(?:,\s*who\s+)?(?:(?:has|had|also|first)\s+)?$"
    # "Wu left Nvidia to found Foo", "she quit her job at Bar to set up Foo"
    r"|^\s+(?:(?:later|then|also)\s+)?(?:left|quit|resigned\s+from|departed)\s+[^,.;]{1,40}?\s+$", _I)

CEO_TITLE = re.compile(
    r"\b(?:ceo|chief\s+executive(?:\s+officer)?|chief\s+exec|managing\s+director)\b", _I)

HQ_IN = re.compile(
    r"\b(?:headquartered|based|headquarters(?:\s+is|\s+are)?|head\s+office(?:\s+is)?)\s+(?:in|at)\s+", _I)
HQ_ADJ = re.compile(r"(?P<place>\b[\w.]+(?:\s+[A-Z][\w.]*)?)-based\b", _I)

# (Not the noun "debut": "made his world cup debut"; not "introduced to": a meeting.)
LAUNCH = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|releas(?:ed|es|ing)|debut(?:ed|s)|"
    r"roll(?:ed|s)?\s+out|introduc(?:ed|es|ing)|rolled\s+out|showcased)\b"
    r"(?!\s+(?:by|to|into)\b)", _I)
# "was released shortly before Christmas": in the passive, what follows is no object.
PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are|be|being)\s+(?:[a-z]+ly\s+)?$", _I)
# "launched her range for retailer Evans": a name after such a preposition is a partner.
PARTNER_PREPOSITION = re.compile(r"\b(?:for|with|to|from|at|against|through|via|alongside)\b", _I)
# What a launch verb also takes that is no product: "launched an attack", "released a
# statement", "released an update, MS08-078" (a fix to a product, not a new one).
NOT_LAUNCHED = re.compile(
    r"\b(?:attacks?|assaults?|offensives?|strikes?|raids?|invasions?|investigations?|inquir(?:y|ies)|"
    r"probes?|reviews?|campaigns?|appeals?|bids?|lawsuits?|suits?|challenges?|crackdowns?|"
    r"searches|search|operations?|missiles?|rockets?|statements?|reports?|results|figures|data|"
    r"findings|videos?|footage|images?|photos?|pictures?|details|lists?|names|hostages?|"
    r"prisoners?|detainees?|updates?|patch(?:es)?|fix(?:es)?|bug-fix(?:es)?|polls?|surveys?|"
    r"stud(?:y|ies)|documents?|emails?|e-mails?|letters?|info|information|records|files|"
    r"impressions|laws?|rules|bans?|tax(?:es)?|legislation|bills?|measures|polic(?:y|ies)|"
    r"curfews?|restrictions|sanctions)\b", _I)
WEEKDAY = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:twen|thir|for|fif|six|"
                     r"seven|eigh|nine)ties)\b", _I)  # days and decades ("the early Eighties")
# "the money it has released, $200,000": an amount after a launch verb is no product.
AMOUNT_OBJECT = re.compile(r"[$£€¥#]\s*\d|\d")
# Between a person's name and a launch verb: "Jay Z also debuted", "Mark Chapman introduces".
PERSON_THEN_VERB = re.compile(r"^\s*(?:(?:also|has|have|had|will|just|then|now)\s+){0,2}$", _I)
LAUNCH_OF = re.compile(r"\b(?:launch|release|debut|unveiling|rollout)\s+of\b", _I)

# Phrases that refer back to an organization named earlier.
COMPANY_ANAPHOR = re.compile(
    # "the company", "the Shanghai company", "the Beijing-based startup", "the three-year-old firm"
    r"\b(?:the|this)\s+(?:(?:(?-i:[A-Z])[\w'’-]*|[\w-]+-(?:based|old))\s+){0,2}(?:company|firm|startup|start-up|group|business|unicorn|developer|"
    r"maker|platform|lab|site|network|service|app|operator|airline|carrier|retailer|bank|"
    r"chain|giant|outlet|broadcaster|brand|manufacturer|provider)\b|^\s*(?:it|its)\b", _I)

# Last words of a public body's name ("State Administration for Market Regulation (SAMR)", "Commerce
# Ministry"): what "the company" or "its revenue" in the next sentence does not stand for.
PUBLIC_BODY = re.compile(r"\b(?:ministry|administration|commission|bureau|department|agency|authority|regulator|"
                         r"court|government|council|parliament|congress|police|office|committee)"
                         r"(?:\s+(?:of|for|on)\s+[A-Z][\w\s,&'-]*)?(?:\s*\([A-Z]{2,}\))?$", re.I)


# A sentence opening on "the company" as its subject: "The company posted ...", "The Shenzhen-based
# company has told ...", "The Beijing chipmaker said ..." (not "The group of investors").
OPENING_COMPANY_ANAPHOR = re.compile(r"^(?:The|This)\s+(?:[\w-]+-based\s+|[A-Z][\w-]*\s+)?"
                                     r"(?:company|firm|start-?up|chipmaker|carmaker|automaker)\b(?!\s+of\b)")
