CONFUSED = r"""
# pique / peak / peek
[peak{|s|ed|ing}] (my|his|her|their|our|your|its|the|everyone's) (interest|curiosity) => pique{|s|d|ing}
[peek{|s|ed|ing}] (my|his|her|their|our|your|its|the) (interest|curiosity) => pique{|s|d|ing}
(take|took|taking|takes|have|had|get|got|grab|grabbed) a [peak] at => peek
a (quick|sneaky|brief|first|rare|closer) [peak] at => peek
[peek] (hours|season|time|times|demand|performance|fitness|condition|levels) => peak
(at|reached|past|near) (its|their|his|her|the) [peek] => peak
# rein / reign
(take|takes|took|taken|taking|hand|hands|handed|handing|hold|holds|held|holding|grab|grabs|grabbed|pass|passes|passed|passing|seize|seized|assume|assumed) the [reigns] => reins
(hand|hands|handed|handing|pass|passes|passed|passing|turn|turned|turns) over the [reigns] => reins
the [reigns] of (power|government|the company|the club|the team|the party|office|the business|the economy|the organisation|the organization) => reins
[reign{|s|ed|ing}] (it|him|her|them|things) in => rein{|s|ed|ing}
[reign{|s|ed|ing}] in (spending|costs|inflation|borrowing|expenditure|the excesses|public spending|the deficit|expectations|debt|prices) => rein{|s|ed|ing}
[rein{|s|ed|ing}] supreme => reign{|s|ed|ing}
[rein] of terror => reign
[reining] (world|Olympic|European|defending|league|champion|champions) => reigning
[raining] (world|Olympic|champion|champions) => reigning
# role / roll
[roll] model{|s} => role
[roll]-model{|s} => role
(leading|starring|title|supporting|key|pivotal|crucial|vital|major|central|cameo|important) [roll] (in|as) => role
(starring|title|cameo) [roll] => role
[roll] reversal{|s} => role
[roll]-play{|ing|s|ed} => role
{play|plays|played|playing} a (key|major|vital|crucial|big|significant|pivotal|central|leading|important|huge|minor) [roll] => role
{play|plays|played|playing} a [roll] in => role
[role] call => roll
rock and [role] => roll
[role] of the dice => roll
[role] of honour => roll
(egg|spring|sausage|bread|swiss) [role]{|s} => roll{|s}
drum [role] => roll
on a [role] (at the moment|right now|lately|recently) => roll
# lead / led
(has|have|had|was|were|been|being|is|are) [lead] (to|by) => led
(has|have|had) [lead] the (team|country|party|way|charge|campaign|investigation|side|club|league|race|inquiry) => led
(has|have|had) [lead] (his|her|their|its) (team|country|party|side) => led
(be|been|was|were|being|is|are) [lead] (astray|away|out of) => led
[led] (poisoning|paint|pipes|contamination) => lead
# lose / loose
[loose] (his|her|their|its|your|my) (job|jobs|life|lives|home|homes|seat|temper|licence|license|title|patience|balance|footing|cool|nerve|way|place|grip|mind|majority|edge|money|livelihood|business|lead) => lose
[looses] (his|her|their|its) (job|life|temper|licence|title|patience|balance|cool|nerve|way|place|grip|mind|majority|seat) => loses
[loosing] (his|her|their|its|your|my) (job|jobs|life|lives|home|homes|seat|temper|licence|license|title|patience|balance|footing|cool|nerve|way|place|grip|mind|majority|edge|money|livelihood|business|lead) => losing
[loose] (weight|track of|sight of|interest in|faith in|count of|out on|the plot|the will to|momentum|hope|heart) => lose
[looses] (weight|track of|sight of|interest in|faith in|count of|out on|the plot|momentum|hope|heart) => loses
[loosing] (weight|track of|sight of|interest in|faith in|count of|out on|the plot|momentum|hope|heart|streak|run) => losing
nothing to [loose] => lose
(will|would|could|might|may|can|cannot|can't|won't|didn't|don't|doesn't|did not|do not|does not|will not|would not|could not|couldn't|wouldn't|shouldn't) [loose] => lose
[lose] ends => loose
on the [lose] => loose
(cut|cuts|break|breaks|broke|broken|let|set|hang) [lose] => loose
[lose] (cannon|cannons) => loose
[lose]{-| }fitting => loose
# than / then
(more|better|higher|worse|less|lower|bigger|greater|smaller|fewer|faster|slower|longer|larger|stronger|weaker|cheaper|harder|earlier|later) [then] (expected|ever|anticipated|usual|planned|predicted|forecast|feared) => than
rather [then] => than
more often [then] not => than
(more|less) [then] (half|twice|double|a third|a quarter|a decade|a year|a month|a week|a century|a dozen|a hundred|a thousand|a million|a billion|one|two|three|four|five|ten|anyone|anything) => than
no (more|less|later|sooner|fewer|longer) [then] => than
other [then] (this|the fact|that of|those) => than
(since|until|till) [than] => then
# affect / effect
{take|takes|took|taken|taking} [affect] => effect
(came|come|comes|coming|put|puts|putting|brought|bring|brings|bringing) into [affect] => effect
side [affect] => effect
(knock-on|domino|ripple|butterfly|greenhouse|placebo|chilling|net|cumulative|desired|opposite|lasting|long-term|adverse|devastating|profound|dramatic|detrimental|significant|huge|immediate|halo|snowball|deterrent|trickle-down|sound|special|visual|calming|damaging|harmful|beneficial|serious) [affect] => effect
(side|knock-on|domino|ripple|long-term|adverse|harmful|damaging|devastating|lasting|sound|special|visual) [affects] => effects
to (no|little|great|good|some|full|devastating|dramatic|comic|powerful|maximum|better|similar|deadly|stunning) [affect] => effect
cause and [affect] => effect
the [affects] of => effects
(worst|badly|severely|adversely|negatively|directly|seriously|deeply|hardest|disproportionately|profoundly|heavily|indirectly|least) [effected] => affected
[effected] (areas|communities|families|residents|regions|countries|patients|individuals|businesses|households|villages|towns|passengers|customers|students|homeowners|farmers|victims) => affected
[effect] (their|his|her|our|your) (lives|life|health|mood|chances|performance|ability|behaviour|behavior|mental health) => affect
[effect] the (lives|health|mood|performance|ability|behaviour|mental health|wellbeing) of => affect
# principal / principle
(agreed|agree|agrees|agreement|approved|approve|approval|accepted|accept|accepts|supported|support|supports|backed|deal|decision|consent) in [principal] => principle
(a|as a|on a) matter of [principal] => principle
(basic|fundamental|guiding|moral|ethical|democratic|constitutional) [principal]{|s} => principle{|s}
[principle] (reason|reasons|cause|causes|source|sources|aim|aims|objective|objectives|suspect|suspects|architect|author|photography|dancer|dancers|investigator|investigators|character|characters|owner|owners|shareholder|shareholders|residence|component|components|player|players|sponsor|sponsors|beneficiary|beneficiaries|concern|concerns|income|focus|goal|goals|factor|factors|feature|features|ingredient|ingredients|city|cities|weakness|difference|differences|engineer|secretary|conductor|trumpet|violin|cellist|flute) => principal
[principle]{'s|s'} office => principal{'s|s'}
(head|assistant|deputy|vice|school|the school's) [principle] => principal
# stationary / stationery
(office|school) [stationary] => stationery
[stationary] (shop|shops|supplies|cupboard|order|orders|store|stores|company|firm|business) => stationery
[stationery] (car|cars|vehicle|vehicles|traffic|bike|bicycle|position|target|targets|object|objects|phase|front|engine|bus|train|lorry|truck|exercise bike) => stationary
(remained|remain|remains|stood|stand|stands|standing|staying|stay|stayed) [stationery] => stationary
# breath / breathe
(a deep|deep|a long|one last|a sharp|a big) [breathe] => breath
(out of|hold your|hold his|hold her|hold their|held his|held her|held their|holding his|holding her|holding their|catch my|catch his|catch her|catch their|under his|under her|under their) [breathe] => breath
[breathe] of fresh air => breath
(able to|unable to|struggled to|struggling to|struggle to|struggles to|hard to|difficult to|can't|cannot|could not|couldn't|can not|could hardly|room to|space to|fighting to|trying to|tried to) [breath] => breathe
[breath] (a sigh of relief|new life into|life into|fresh life into|easier|freely) => breathe
# lightning / lightening
(thunder and|struck by|hit by|killed by|greased|ball|forked|sheet) [lightening] => lightning
[lightening] (strike|strikes|bolt|bolts|storm|storms|fast|speed|quick|rod|rods|conductor|flash|flashes|raid|reflexes|round|pace) => lightning
# brakes / breaks
(slammed|slam|slams|slamming) on the [breaks] => brakes
(hit|hits|hitting|apply|applied|applies|applying) the [breaks] => brakes
(put|puts|putting) the [breaks] on => brakes
[break] (pads|lights|fluid|discs|disc|pedal|pedals|failure|failures|cable|cables|calipers|lever|levers) => brake
[handbreak] => handbrake
{brake|brakes|braking} the (record|news|law|rules|deadlock|silence|mould|ice|cycle|habit|tie|bank|world record|stalemate|spell) => {break|breaks|breaking} the $1
[brake] (even|free) => break
(lucky|coffee|tea|lunch|summer|winter|half-term|Christmas|Easter|commercial|career|maternity|paternity|toilet|bathroom|well-earned|ad) [brake] => break
# cue / queue
(right|bang|almost|as if|just) on [queue] => cue
(take|takes|took|taking|taken) (his|her|their|its|a) [queue] from => cue
[queue] ball => cue
# hoard / horde
[hoards] of (fans|tourists|people|protesters|protestors|journalists|visitors|shoppers|supporters|reporters|photographers|students|holidaymakers|migrants|zombies|children|admirers|followers|demonstrators|spectators|teenagers|onlookers|well-wishers|paparazzi|invaders|soldiers|refugees) => hordes
a [hoard] of (fans|tourists|people|protesters|protestors|journalists|visitors|shoppers|supporters|reporters|photographers|students|holidaymakers|zombies|admirers|followers|demonstrators|spectators|teenagers|onlookers|paparazzi|invaders) => horde
(a|the) [horde] of (gold|treasure|coins|cash|weapons|artefacts|artifacts|silver|jewels|jewellery) => hoard
(treasure|coin|Staffordshire|Bronze Age|Iron Age) [horde] => hoard
[horded] => hoarded
# faze / phase
(didn't|doesn't|don't|won't|did not|does not|never|wouldn't|seem to|seemed to|appear to|appeared to) [phase] (him|her|me|them|us) => faze
(seemingly|seemed|seems|seem|remained|remains|looked|looks|appeared|appears|completely|totally|utterly|hardly|barely|unduly|remotely|least bit) [phased] => fazed
(not|wasn't|weren't|isn't|aren't|never) [phased] (in the slightest|in the least|at all) => fazed
(not|wasn't|weren't|isn't|never) [phased] by (it|this|the pressure|the occasion|the criticism|the setback) => fazed
[unphased] => unfazed
# grisly / grizzly
[grizzly] (murder|murders|discovery|discoveries|details|detail|scene|scenes|killing|killings|crime|crimes|fate|task|case|end|evidence|trial) => grisly
[grisly] (bear|bears|cub|cubs) => grizzly
# hangar / hanger
(aircraft|airplane|aeroplane|plane|jet|helicopter|airship|zeppelin|maintenance|RAF|airport|air force|airfield) [hanger]{|s} => hangar{|s}
coat [hangar]{|s} => hanger{|s}
(cliff-|cliff)[hangar]{|s} => hanger{|s}
# heel / heal
well-[healed] => heeled
Achilles(|') [heal] => heel
(dig|digs|dug|digging) (in|) (their|his|her|its) [heals] => heels
head over [heals] => heels
on the [heals] of => heels
(hot|close|hard|snapping|right) on (his|her|their|its) [heals] => heels
[heel{|s|ed|ing}] the (rift|rifts|wounds|divisions|wound|breach|country|nation|sick) => heal{|s|ed|ing}
[heeling] (process|properties|hands) => healing
# idle / idol
[idol] (threats|threat|chatter|gossip|speculation|hands|curiosity|rumours|rumors) => idle
(sat|sit|sits|sitting|stood|stand|standing|lie|lay|lying|remain|remained|remains|lain|lies|stay|stayed|staying) [idol] => idle
(teen|pop|matinee|matinée|childhood|K-pop) [idle]{|s} => idol{|s}
[idle] worship => idol
# aisle / isle
(walk|walks|walked|walking|down|up|across|along) the [isle] => aisle
(the middle of|the centre of|the center of|both sides of|either side of) the [isle] => aisle
(supermarket|middle|centre|center|wine|cereal|checkout|grocery) [isle]{|s} => aisle{|s}
[isle] seat{|s} => aisle
# lessen / lesson
(a|valuable|hard|harsh|important|painful|salutary|history|object|life|sobering|cautionary|tough|useful|learned|learnt|learn|teach|taught) [lessen] => lesson
(valuable|hard|harsh|important|painful|history|life|useful|learned|learnt|learn|teach|taught) [lessens] => lessons
[lesson{|ed|ing}] the (impact|blow|burden|risk|damage|effect|effects|pain|severity|likelihood|threat|pressure|strain|harm) => lessen{|ed|ing}
# mantle / mantel
(take|takes|took|taken|taking) (up|on) the [mantel] => mantle
(assume|assumed|assumes|assuming|inherit|inherited|inherits|inheriting|claim|claimed|claims|claiming|pass|passed|passes|passing|hand|handed|hands|handing|wear|wore|wears|wearing|carry|carried|carries|carrying|shoulder|shouldered) the [mantel] => mantle
mantle{ |-|}piece => mantelpiece
mantle{ |-|}pieces => mantelpieces
# medal / metal
(Olympic|Paralympic|gold|silver|bronze) [metal] (winner|winners|winning|haul|tally|hopes|hope|contender|contenders|ceremony|table|success|prospects) => medal
(Olympic|Paralympic|Commonwealth Games) [metal]{|s} => medal{|s}
(won|win|wins|winning|claimed|took|clinched) (a|the) (gold|silver|bronze) [metal] => medal
[medal] (detector|detectors|detecting|detectorist|detectorists) => metal
(heavy|scrap|sheet|molten) [medal] => metal
# miner / minor
[miner] (injuries|injury|offence|offences|offense|offenses|role|roles|changes|change|details|detail|incident|incidents|surgery|damage|setback|setbacks|league|leagues|repairs|problem|problems|issue|issues|disruption|delays|delay|ailment|ailments|fault|faults|flaw|flaws|operation|procedure|infraction|infractions|crimes|crime|tweaks|adjustments) => minor
(coal|tin|copper) [minor]{|s} => miner{|s}
[minor]{s'|s} strike => miner{s'|s'}
# naval / navel
[navel] (base|bases|officer|officers|ship|ships|forces|force|warfare|academy|fleet|fleets|vessel|vessels|exercises|blockade|commander|commanders|power|history|battle|battles|museum|dockyard|operations|patrol|patrols|aviation|presence|strength|station|command|chief|chiefs|destroyer|destroyers|frigate|frigates|intelligence|personnel|service|capabilities) => naval
[naval]{ |-}(gazing|gazer|gazers|ring|rings|piercing|piercings|fluff|orange|oranges) => navel
# past / passed
in the [passed] => past
the [passed] (week|weeks|month|months|year|years|decade|decades|century|weekend|few|two|three|four|five|six|seven|eight|nine|ten|twelve|couple|several|24|48|72|12|18|fortnight) => past
(has|have|had|who|which|having|recently|sadly|peacefully|tragically) [past] away => passed
[past] away (peacefully|suddenly|last|yesterday|today|aged|following|earlier|overnight) => passed
[passed] (experience|experiences|tense|relationships|glories|generations|mistakes|misdeeds|sins|behaviour|behavior|convictions|achievements|successes|failures|grievances) => past
# peace / piece
[piece] (talks|process|processes|deal|deals|treaty|treaties|agreement|agreements|accord|accords|negotiations|negotiators|plan|plans|prize|keeping|keepers|envoy|envoys|conference|summit|initiative|initiatives|settlement|offering|pipe|activist|activists|campaigner|campaigners|march|marches|rally|rallies|efforts|broker|brokers|dividend|lily|lilies|corps|mission|missions|laureate) => peace
[piece] and (stability|security|prosperity|reconciliation|justice|harmony|love|goodwill|tranquility|tranquillity) => peace
[peacemeal] => piecemeal
[piecefully] => peacefully
[pieceful] => peaceful
[piecekeeping] => peacekeeping
[piecekeepers] => peacekeepers
# sight / site / cite
(crash|building|construction|burial|World Heritage|camp|landfill|dump|archaeological|caravan|disposal|web|accident|drilling|mining|polling|excavation|demolition|nuclear test) [sight]{|s} => site{|s}
[sight] (visit|visits|manager|managers|office|offices|supervisor|supervisors|foreman) => site
[site]{-| }seeing => sight
no end in [site] => sight
out of [site] => sight
(lost|lose|loses|losing) [site] of => sight
line of [site] => sight
[site] unseen => sight
(catch|caught|catching|catches) (a|) [site] of => sight
(set|sets|setting) (their|his|her|its|our|my|your) [sites] on => sights
(hind|hind-)[site] => sight
[sited] as (the reason|an example|a reason|a factor|the cause|a cause|evidence|one of the|the main) => cited
(widely|often|frequently|commonly|repeatedly) [sited] => cited
# sum / some
lump [some]{|s} => sum{|s}
the [some] total => sum
(large|small|substantial|huge|vast|tidy|considerable|undisclosed|significant|hefty|modest|princely|six-figure|seven-figure|five-figure|eight-figure|nine-figure|enormous|paltry|nominal) [some] of => sum
(large|small|substantial|huge|vast|considerable|undisclosed|significant|hefty|modest|enormous) [some]s of (money|cash) => sum
to [some] (up|it up) => sum
zero-[some] => sum
# stake / steak
[steak]holder{|s} => stake
[steak]{ |-}holder => stake
[steak]{ |-}holders => stake
(high|higher|up the|upped the|raise the|raising the|raised the) [steaks] => stakes
(is|are|was|were|be|been|being) at [steak] => stake
(controlling|majority|minority|equity|vested|ownership|financial) [steak] => stake
[steak] in the (heart|ground|sand) => stake
[stake] (and chips|and kidney|house|houses|knife|knives|dinner|dinners|sandwich|sandwiches|tartare|pie|pies|bake|bakes|frites|restaurant|restaurants|sauce) => steak
# steal / steel
[steel{|s|ing}] the (show|limelight|spotlight|headlines) => steal{|s|ing}
[steel] (his|her|their|my|our|your|its) thunder => steal
(nerves|man|woman|will|wills|heart|ring|made) of [steal] => steel
(stainless|British|Tata|Corus|crucible|carbon|sheet|rolled) [steal] => steel
[steal] (tariff|tariffs|girder|girders|mill|mills|band|bands|producer|producers) => steel
# altar / alter, bridal / bridle, cannon / canon, course / coarse, council / counsel
[alter] (boy|boys|girl|girls|rail|cloth) => altar
(at the|to the|before the|from the|on the|church|wedding|sacrificial|sacrificed on the|left at the|jilted at the) [alter] => altar
[altar] (ego|egos) => alter
[bridal] (path|paths|way|ways) => bridle
[bridle] (party|parties|shower|showers|suite|suites|gown|gowns|wear|shop|shops|boutique|dress|dresses|fair|magazine|veil) => bridal
loose [canon]{|s} => cannon{|s}
water [canon]{|s} => cannon{|s}
[canon] (fodder|fire|ball|balls) => cannon
[cannon] law => canon
of [coarse], => course
(due|golf|crash|main|race|obstacle|training|degree|university|college|refresher|assault|collision|change|change of|par for the) [coarse] => course
(run|runs|ran|running) (its|their|it's) [coarse] => course
[coarse] of (action|events|history|treatment|study|the day|the week|the year|the season|the game|the match|the war|his career|her career|their career|the investigation|the trial|the evening|the night|a year|a week|time|the next|justice|the pandemic|the campaign) => course
[course] (grained|grain|texture|humour|humor|jokes|joke|remarks) => coarse
legal [council] => counsel
(keep|keeps|kept|keeping) (his|her|their|its|my|your|our) own [council] => counsel
[counsel] (tax|estate|estates|house|houses|housing|flat|flats|tenant|tenants|leader|leaders|elections|election|officials|workers|spending|bosses|chiefs|chief executive) => council
(UN|United Nations) Security [Counsel] => Council
# duel / dual, eminent / imminent, faint / feint, flair / flare
(fought|fight|fights|fighting|challenged|challenge|sword|pistol|pistols|deadly|fatal) [dual] (to the death|with|at dawn) => duel
[duel] (carriageway|carriageways|citizenship|nationality|nationals|national|purpose|role|roles|mandate|income|incomes|fuel|control|controls|language|track|tracks|core|SIM|screen|screens|heritage|identity) => dual
[eminent] (danger|dangers|threat|threats|collapse|arrival|attack|attacks|invasion|death|departure|release|return|launch|risk|announcement|eviction|closure|war|strike|strikes|demise|deportation|execution|extinction|disaster|catastrophe) => imminent
[imminent] domain => eminent
(an|highly|internationally) [imminent] (scientist|surgeon|scholar|historian|lawyer|professor|physician|economist|judge|architect) => eminent
[feint] of heart => faint
(damn|damned|damning|damns) with [feint] praise => faint
[feint]{ |-}hearted => faint
{flaired|flairing} up => {flared|flaring} up
[flair]-up{|s} => flare
(tensions|tempers|violence|fighting|trouble|clashes) (flair|flaired|flairs) up => $1 flare up
(a|the|natural|real) [flare] for (the dramatic|drama|design|languages|comedy|music|fashion|business|style) => flair
# forward / foreword, forth / fourth
(look|looks|looked|looking) [foreword] to => forward
(moved|moving|move|going|go|went|step|stepped|stepping|bring|brought|bringing|push|pushed|pushing|way|going|come|came|coming) [foreword] => forward
[foreword]{-| }thinking => forward
back and [fourth] => forth
(so on and so|and so) [fourth] => forth
[fourthcoming] => forthcoming
[forth] (time|place|quarter|round|consecutive|straight|successive|year|day|century|generation|largest|biggest|highest|seed|seeded|placed|game|goal|match|attempt|edition|anniversary|season|floor|division|tier|title|win|victory|defeat|major|album|film|book|wicket|minute|week|month|leg|stage|lap|hole|child|son|daughter) => fourth
# gaffe / gaff
[gaff]-prone => gaffe
(made|make|makes|making|a major|a big|a huge|a diplomatic|an embarrassing|a rare|another|a series of|a string of|latest) [gaff] => gaffe
# poll / pole
(opinion|exit|Gallup|YouGov|Ipsos|MORI|ICM) [pole]{|s} => poll{|s}
[pole] (tax|taxes|rating|ratings) => poll
[poll] (vault|vaulter|vaulters|vaulting|dance|dancer|dancers|dancing|sitter) => pole
[poll]-(vault|vaulter|vaulting) => pole
"""
