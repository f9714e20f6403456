EGG3 = r"""
# Further idioms and borrowed phrases
cow{ |-|}tow => kowtow
cow{ |-|}towing => kowtowing
cow{ |-|}towed => kowtowed
dead wringer => dead ringer
laughing stalk{|s} => laughing stock{|s}
{run|runs|ran|running} the gambit => {run|runs|ran|running} the gamut
tea{-| }totaller{|s} => teetotaller{|s}
tea{-| }totaler{|s} => teetotaler{|s}
(peeking|peaking) order => pecking order
ad nauseum => ad nauseam
carte blanch => carte blanche
deja vous => déjà vu
non sequiter => non sequitur
faux par => faux pas
foe pas => faux pas
peace de resistance => pièce de résistance
"""
CONF3 = r"""
# Further confusables in fixed contexts
[illegible] to (vote|play|stand|apply|claim|receive|compete|join|enter|participate|qualify|register) => eligible
[illegible] voters => eligible
not [adverse] to (the idea|change|taking|using|doing|spending|risk|a bit|some|a little|hard work|criticism) => averse
[disbursed] the (crowd|crowds|protesters|protestors|demonstrators|mob|rioters) => dispersed
[exercise{|s|d}] (demons|the demons|his demons|her demons|their demons|ghosts|the ghosts|the ghost) => exorcise{|s|d}
[exorcise] (class|classes|bike|bikes|regime|routine|routines|programme|program|equipment|ball|book|plan|session|sessions) => exercise
[incite] into (the|how|what|his|her|their|its|life|a) => insight
(an|some|rare|unique|valuable|fascinating|fresh|new|real|deep|deeper|interesting|an interesting|a rare|a unique|a fascinating|useful|a useful|great|greater|more) [incite] => insight
[insight] (violence|hatred|racial hatred|a riot|riots|unrest|terrorism|panic) => incite
[insighting] (violence|hatred|racial hatred|a riot|riots|unrest|terrorism|panic) => inciting
[statute] of Liberty => Statue
(grew|grown|growing|grows|rose|risen) in [statue] => stature
(man|woman|player|figure|figures|person|politician|politicians|leader|leaders) of (his|her|great|small|international|considerable|similar|such|world) [statue] => stature
[pallet]{|s} cleanser{|s} => palate{|s}
[palette]{|s} cleanser{|s} => palate{|s}
cleanse the [pallet] => palate
cleanse the [palette] => palate
(colour|color) [pallet]{|s} => palette{|s}
(colour|color) [palate]{|s} => palette{|s}
[currant] (affairs|account|accounts|events|climate|situation|state|government|leader|champion|champions|holder|holders|season|form|deficit|trend|trends|rate|rates|level|levels|system|law|laws|model|crisis|president|prime minister|chairman|manager|contract|owner|owners) => current
[current] (bun|buns|jam|jelly|cake|cakes|bush|bushes) => currant
(take|took|takes|taking|claim|claimed|claims|start from|started from|starting from|starts from|grab|grabbed|snatched|snatch|secured) [poll] position => pole
(a|the|in a|into a|into|entered a|entering a) [bare] market => bear
[payed] (for|off|tribute|the price|attention|homage|dividends) => paid
"""
NEWS3 = r"""
# Further news contexts
[ariel] (view|views|photo|photos|photograph|photographs|footage|shot|shots|bombardment|bombing|surveillance|reconnaissance|images|pictures|survey) => aerial
[noble] (prize|prizes|laureate|laureates|peace prize|committee) => Nobel
[Nobel] (cause|causes|gesture|gestures|gas|gases|intentions|aim|aims|sacrifice|savage|art|lord|lords|birth|blood|deed|deeds) => noble
"""
NONST3 = r"""
[lended] => lent
"""
MYBY = r"""
# my / by after a past participle ("passed on my a soldier")
(passed on|handed over|handed to|written|killed|hit|struck|shot|attacked|stabbed|caught|arrested|injured|wounded|driven|owned|led|followed|replaced|joined|beaten|defeated|funded|supported|released|announced|signed|chosen|elected|appointed|built|created|designed|produced|directed|published|performed|hosted|organised|organized|caused|murdered|confirmed|reported|backed|criticised|criticized|condemned|praised|rejected|approved|delivered|described|named|identified|operated|managed|controlled|founded|sponsored|investigated|questioned|interviewed|rescued|treated|targeted|sued|charged|convicted|blocked|opposed|endorsed|welcomed|surrounded|chased|stopped|detained|captured|kidnapped|bought|sold|acquired|coached|trained|knocked out|eliminated) [my] (a|an|the) => by
"""
