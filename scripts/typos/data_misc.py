POSSESSIVES = r"""
# its / it's
[it's] own => its
(make|makes|made|making|find|finds|found|finding|work|works|worked|working|wend|wends|wended|wending|force|forced|forces|forcing) [it's] way => its
(run|runs|ran|running|has run|had run) [it's] course => its
[its] been => it's
[its] going to be => it's
[its] not (just|only|clear|known|easy|hard|yet|surprising|true|fair|right|enough|over|about|that|the first|the only|the end|the case|a|an|as|so|too|always|even|really|quite|often|unusual|possible|likely|unlikely|worth|my|our|your|their|his|her) => it's
[its] a (shame|pity|good thing|bad thing|great|big|huge|real|very|lot|bit|long|little|matter|question|sign|case|fact|joke|disgrace|nightmare|miracle|mystery|myth|problem|challenge|tough|difficult|hard|fantastic|wonderful|brilliant|terrible|strange|funny|sad|tragedy|shock|relief|privilege|dream|mess|must|no-brainer|win-win|good idea|bad idea|fair point|reminder|testament|wonder) => it's
[its] (hard|easy|difficult|impossible|important|vital|crucial|essential|necessary|clear|likely|unlikely|possible|true|obvious|fair|sad|great|nice|good|bad|worth noting|worth remembering) to => it's
[its] (clear|likely|unlikely|possible|true|obvious|thought|believed|understood|feared|expected|estimated|rumoured|reported|said|claimed) that => it's
# their / there / they're
[their] (are|was|were|has been|have been|would be|could be|might be|must be|seems to be|appears to be|is no|is a|is an|is nothing|is still|is also|is always|is not|isn't|aren't|wasn't|weren't) => there
[they're] own => their
[there] own => their
[their's] => theirs
# your / you're
[your] (going to|kidding|joking|not alone|not going|not allowed|not the only|absolutely right) => you're
if [your] (going|looking|interested|planning|thinking|worried|unable|able|not|lucky|concerned|affected|struggling) => you're
[you're] own => your
# whose / who's
[who's] (own|fault|responsibility|turn|job it is|idea was|name is|name was) => whose
[whose] (going to|been|got) => who's
"""

WOULD_OF = r"""
# could of, should of, would of, must of ...
(could|should|would|must|couldn't|shouldn't|wouldn't|mustn't|could not|should not|would not|must not) [of] => have
(I|we|they|you|he|she|it|who|that|which|there) (might|may|might not|may not) [of] => have
ought to [of] => have
(I|you|he|she|we|they|who) had of (known|been|seen|had|done|gone|thought|heard|realised|realized|stayed|left|waited) => $1 had $2
"""

NONSTANDARD = r"""
# Non-standard forms, many of them spelled as they sound
[irregardless] => regardless
[supposably] => supposedly
[alot] => a lot
[allot] of => a lot
[expresso]{|s} => espresso{|s}
[heighth]{|s} => height{|s}
[pronounciation]{|s} => pronunciation{|s}
[mischievious]{|ly} => mischievous{|ly}
[mischevious]{|ly} => mischievous{|ly}
[nucular] => nuclear
[sherbert] => sherbet
[excetera] => et cetera
[exetera] => et cetera
[perscription]{|s} => prescription{|s}
[undoubtably] => undoubtedly
[dilemna]{|s} => dilemma{|s}
[momento]{|s} => memento{|s}
[sacreligious] => sacrilegious
[irrevelant] => irrelevant
[nuptual]{|s} => nuptial{|s}
[triathalon]{|s} => triathlon{|s}
[decathalon]{|s} => decathlon{|s}
[pentathalon] => pentathlon
[athelete]{|s} => athlete{|s}
[atheletic]{|s} => athletic{|s}
[febuary] => February
[libary] => library
[verbage] => verbiage
[asterick]{|s} => asterisk{|s}
[mispell{|s|ed|ing}] => misspell{|s|ed|ing}
[wreckless]{|ly|ness} => reckless{|ly|ness}
[posthumorously] => posthumously
[accidently] => accidentally
[ideosyncrasy] => idiosyncrasy
[ideosyncratic] => idiosyncratic
[expecially] => especially
[excape]{|s|d} => escape{|s|d}
[perogative]{|s} => prerogative{|s}
[prerogotive] => prerogative
[bellweather]{|s} => bellwether{|s}
[bell-weather]{|s} => bellwether{|s}
[hinderance]{|s} => hindrance{|s}
[disasterous]{|ly} => disastrous{|ly}
[grievious]{|ly} => grievous{|ly}
[tremendious]{|ly} => tremendous{|ly}
[heinious] => heinous
[anti-semetic] => antisemitic
[antisemetic] => antisemitic
[anti-semetism] => antisemitism
[drownded] => drowned
[attackted] => attacked
[bonafide] => bona fide
[kindergarden]{|s} => kindergarten{|s}
[pantomine]{|s} => pantomime{|s}
[perculate]{|d|s} => percolate{|d|s}
[larnyx] => larynx
[twelth] => twelfth
[antartic] => Antarctic
[antartica] => Antarctica
[tempature]{|s} => temperature{|s}
[goverment]{|s|al} => government{|s|al}
[enviroment]{|s|al|ally} => environment{|s|al|ally}
[suprise]{|s|d} => surprise{|s|d}
[suprising]{|ly} => surprising{|ly}
[wether] (or not) => whether
"""
