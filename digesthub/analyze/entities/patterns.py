"""Word lists and token patterns the entity rules read.

Everything here is generic English / business vocabulary (corporate suffixes,
titles, nouns that name a kind of organization, words that are never an entity
on their own). None of it is a name taken from a sample or an evaluation set.
"""

from __future__ import annotations

# The spaCy labels that are entities here; DATE, MONEY, CARDINAL ... are not.
ENTITY_LABELS: frozenset[str] = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "PRODUCT", "NORP", "EVENT", "FAC", "WORK_OF_ART", "LAW",
})

# Tokens that end a company's registered name: "Acme Co., Ltd.", "Foo Holdings Inc.".
LEGAL_SUFFIXES: frozenset[str] = frozenset({
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company",
    "ltd", "ltd.", "limited", "llc", "l.l.c.", "lp", "l.p.", "llp", "plc", "p.l.c.", "ag", "gmbh",
    "s.a.", "sa", "n.v.", "nv", "b.v.", "s.p.a.", "spa", "pty", "pty.", "pte", "pte.", "kk", "k.k.",
    "oy", "ab", "asa", "a/s", "se", "bhd", "bhd.", "sdn", "l.l.p.",
})

# Words that often precede a legal suffix and still belong to a company's name.
ORG_HEAD_WORDS: frozenset[str] = frozenset({
    "group", "holdings", "holding", "technology", "technologies", "systems", "bank", "bancorp",
    "capital", "partners", "ventures", "industries", "international", "networks", "labs",
    "software", "solutions", "electronics", "pharmaceuticals", "therapeutics", "motors",
    "airlines", "energy", "communications", "media", "entertainment", "enterprises", "trust",
    "associates", "securities", "investments", "financial", "insurance", "telecom", "robotics",
    "semiconductor", "semiconductors", "biotech", "pharma", "automotive", "logistics", "aerospace",
    "intelligence",
})

# Nouns that name a kind of organization: "the company OpenAI", "startup Foo", "Foo, a startup".
ORG_NOUNS: frozenset[str] = frozenset({
    "company", "companies", "startup", "start-up", "firm", "maker", "developer", "giant",
    "rival", "platform", "lab", "laboratory", "conglomerate", "carrier", "automaker",
    "chipmaker", "retailer", "bank", "lender", "insurer", "brand", "outlet", "newspaper",
    "broadcaster", "agency", "unicorn", "subsidiary", "supplier", "manufacturer", "operator",
    "club", "team", "university", "regulator", "ministry", "fund", "giant", "vendor",
    "publisher", "airline", "exchange", "studio", "network", "provider", "cooperative", "co-op",
    "corporation", "nonprofit", "charity", "carmaker", "drugmaker", "steelmaker", "consultancy",
    "brokerage", "incubator", "accelerator", "watchdog",
})

# Roles a person holds; "CEO Altman" (before a name) or "founder of X" (before an org).
PERSON_TITLES: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "president",
    "ceo", "chairman", "chairwoman", "founder", "co-founder", "cofounder", "chief", "director",
    "minister", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "premier", "judge",
    "coach", "manager", "spokesman", "spokeswoman", "spokesperson", "analyst", "economist",
    "professor", "secretary", "vice", "executive", "officer", "scientist",
    "capitalist", "researcher", "striker", "captain", "king", "queen", "prince", "pope",
})

# Occupations written before a person's name ("Twilight author Stephenie Meyer", "rapper Drake");
# only as a cue before a name. Not the nouns a company shares ("producer", "designer", "investor").
PERSON_ROLE_NOUNS: frozenset[str] = frozenset({
    "author", "novelist", "writer", "poet", "playwright", "screenwriter", "journalist", "reporter",
    "columnist", "actor", "actress", "singer", "rapper", "songwriter", "composer", "comedian",
    "filmmaker", "artist", "photographer", "chef", "lawyer", "attorney", "physician", "doctor",
    "nurse", "teacher", "student", "activist", "entrepreneur", "billionaire", "tycoon", "astronaut",
    "pilot", "detective", "colonel", "lieutenant", "sergeant", "inventor", "historian", "biographer",
})

# "X's founder", "X executives", "shares of X": the words that say X is an organization.
ORG_OWNED: frozenset[str] = frozenset({
    "founder", "founders", "ceo", "chairman", "president", "executives", "executive",
    "employees", "staff", "shares", "stock", "board", "headquarters", "spokesperson",
    "spokesman", "spokeswoman", "subsidiary", "investors", "valuation", "revenue", "ipo",
    "chief", "researchers", "engineers", "products", "customers", "users",
})

# What an organization makes: "X's model" says X is an ORG, "the X model" does not.
PRODUCT_WORDS: frozenset[str] = frozenset({
    "model", "models", "app", "apps", "chatbot", "chip", "chips", "phone", "device", "software",
})

# Words that are never an entity on their own, whatever the model says.
GENERIC_WORDS: frozenset[str] = frozenset({
    "ai", "a.i.", "ipo", "ceo", "cfo", "cto", "coo", "gdp", "api", "llm", "llms", "agi", "ar", "vr",
    "internet", "web", "app", "apps", "covid", "ev", "evs", "esg", "ml", "it", "r&d", "b2b",
    # kinds of hardware and deal, written short ("a GPU designer", "its IPO")
    "gpu", "gpus", "cpu", "cpus", "npu", "tpu", "pc", "pcs", "suv", "suvs", "ipos", "etf", "etfs", "iot", "saas",
    "q1", "q2", "q3", "q4",  # quarters ("its Q3 smartphone sales")
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "tonight", "yesterday", "tomorrow", "the", "a", "an",
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "hkd", "attn", "re", "cc", "fax", "tel", "email",
    "men", "women",  # "Women 's 400 metres" heading a results list
    # month abbreviations that are no given names (not "Jan", "Mar", "May")
    "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})

# Capitalized words that can open an entity span by mistake ("Regarding Zhipu").
LEADING_NOISE: frozenset[str] = frozenset({
    "the", "a", "an", "regarding", "according", "multiple", "several", "both", "many", "some",
    "all", "former", "meanwhile", "however", "while", "when", "if", "as", "per",
    "via", "like", "unlike", "including", "and", "or", "but", "this", "that", "these", "those",
    "our", "his", "her", "its", "their", "mr.", "mrs.", "ms.", "dr.", "mr", "ms", "mrs", "dr",
})

# Generic words closing an entity span that does not need them ("American AI" -> "American").
TRAILING_GENERIC: frozenset[str] = frozenset({"ai", "a.i.", "ipo", "ceo"})

# Contract vocabulary: capitalized as defined terms in legal text ("the Borrower",
# "Loan Agreement", "Event of Default") but common nouns, never names. A span
# made only of these (and function words) is not an entity.
CONTRACT_TERMS: frozenset[str] = frozenset({
    "agreement", "agreements", "borrower", "borrowers", "lender", "lenders", "company", "issuer",
    "guarantor", "guarantors", "trustee", "party", "parties", "person", "persons", "collateral",
    "obligations", "obligation", "indenture", "bonds", "bond", "notes", "note", "loan", "loans",
    "term", "event", "default", "documents", "document", "credit", "extension", "extensions",
    "advance", "advances", "date", "funding", "effective", "certificate", "perfection", "account",
    "accounts", "subsidiary", "subsidiaries", "lien", "liens", "investments", "indebtedness",
    "project", "payment", "final", "option", "exclusive", "section", "article", "exhibit",
    "schedule", "code", "dollars", "equipment", "facility", "security", "securities", "interest",
    "principal", "maturity", "closing", "purchaser", "seller", "buyer", "licensee", "licensor",
    "landlord", "tenant", "holder", "holders", "assignee", "assignor", "administrative", "agent",
    "amendment", "closing", "commitment", "termination", "revolving", "line", "rate", "prime",
    "material", "adverse", "change", "effect", "permitted", "transaction", "transactions",
    "sections", "articles", "exhibits", "schedules", "lease", "debt", "expenses", "fee", "fees",
})

# Last words of event names: "the Hong Kong Open", "UEFA Cup", "Paris Air Show".
EVENT_HEADS: frozenset[str] = frozenset({
    "cup", "open", "championship", "championships", "games", "olympics", "olympiad", "prix",
    "trophy", "classic", "tournament", "marathon", "festival", "expo", "show", "awards",
    "war", "series", "derby", "regatta", "rally", "summit", "convention", "exhibition", "fair",
})

# Last words of institutions' names: "Foo University", "Interior Ministry", "Bar Party".
INSTITUTION_HEADS: frozenset[str] = frozenset({
    "university", "college", "ministry", "party", "council", "commission", "agency", "association",
    "committee", "institute", "bureau", "department", "authority", "police", "army", "navy",
    "group", "holdings", "airlines", "airways", "motors", "corporation", "foundation",
    # company-name heads: "Foo Labs", "Foo Technologies", "Foo Cloud"
    "labs", "technologies", "systems", "ventures", "partners", "industries", "networks", "electronics",
    "pharmaceuticals", "therapeutics", "robotics", "semiconductor", "semiconductors", "cloud", "software",
    "solutions", "biotech", "enterprises", "securities", "investments", "telecom", "communications",
    # a news agency's office signing a report: "-- Foo Newsroom"
    "newsroom", "newsdesk",
    "technology",
    # a Chinese company's name spelled in pinyin ends as the characters do: 科技 keji, 集团 jituan,
    # 汽车 qiche, 公司 gongsi, 能源 nengyuan, 电子 dianzi, 网络 wangluo, 信息 xinxi, 动力 dongli, 医药 yiyao
    "keji", "jituan", "qiche", "gongsi", "nengyuan", "dianzi", "wangluo", "xinxi", "dongli", "yiyao",
})

# Head nouns that say the name beside them is a product: "its chatbot app, Foo",
# "Foo, a chatbot", "the Foo browser" (lemmas).
PRODUCT_NOUNS: frozenset[str] = frozenset({
    "app", "application", "chatbot", "bot", "model", "llm", "assistant", "browser",
    "phone", "smartphone", "handset", "chip", "processor", "service", "software", "videogame", "tool",
    "console", "headset", "gadget", "device", "laptop", "tablet", "smartwatch", "drone", "engine",
    "accelerator", "gpu", "robot", "vehicle", "car", "sedan", "suv", "truck",
})

# Products a maker's name also qualifies ("the Foo chip" is as often Foo's chip).
HARDWARE_NOUNS: frozenset[str] = frozenset({
    "phone", "smartphone", "handset", "chip", "processor", "console", "headset", "gadget", "device",
    "laptop", "tablet", "smartwatch", "drone", "engine", "vehicle", "car", "sedan", "suv", "truck",
})

# Verbs whose object is usually a product: "launched Foo", "unveiled Foo".
LAUNCH_VERBS: frozenset[str] = frozenset({
    "launched", "launches", "launch", "launching", "released", "releases", "release", "releasing", "unveiled",
    "unveils", "unveil", "unveiling", "debuted", "debuts", "debut", "introduced", "introduces", "introduce",
    "shipped", "ships", "ship",
})

# "Foo reported", "Foo wrote": what a news source does.
REPORT_VERBS: frozenset[str] = frozenset({"reported", "reports", "wrote", "writes", "cited", "quoted"})

# "the Foo daily", "newspaper Foo": nouns naming a publication.
PUBLICATION_NOUNS: frozenset[str] = frozenset({
    "newspaper", "daily", "website", "magazine", "tabloid", "weekly", "outlet", "portal", "broadcaster",
    "paper", "journal", "newswire", "site", "blog",
})

# Last words of publications' names: "according to the Foo Times".
PUBLICATION_HEADS: frozenset[str] = frozenset({
    "times", "news", "post", "daily", "journal", "herald", "tribune", "magazine", "weekly", "review",
    "press", "wire", "gazette", "telegraph", "observer", "chronicle", "insider", "report", "guardian",
})

# "a visit to the FOO", "trip to FOO": what is travelled to is a place.
TRAVEL_WORDS: frozenset[str] = frozenset({
    "visit", "visits", "visited", "trip", "trips", "travel", "travels", "traveled", "travelled",
    "traveling", "travelling", "tour", "flew", "flight", "flights", "journey", "delegation",
    "expanded", "expansion", "exports", "imports", "emigrated", "relocated",
})


# One character of Chinese, Japanese or Korean script ("月之暗面", "杨植麟"), and the middle dot of names.
CJK_CHARACTER = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·]"

# Who puts money in: "existing backer Tencent", "backers Meituan and HongShan".
BACKER_NOUNS = frozenset({"backer", "backers", "investor", "investors", "shareholder", "shareholders",
                          "stakeholder", "stakeholders", "co-investor", "co-investors"})
