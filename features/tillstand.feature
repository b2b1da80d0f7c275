# language: sv
Egenskap: Tillståndsplikt och tillståndets omfattning
  En enskild huvudman får inte yrkesmässigt driva HVB, stödboende, skyddat boende, särskilt
  boende eller hemtjänst utan tillstånd från IVO (7 kap. 1 § socialtjänstlagen (2001:453),
  från 2025-07-01 26 kap. 1 § socialtjänstlagen (2025:400)), och inte verksamhet enligt
  9 § 2–10 LSS utan tillstånd enligt 23 § LSS. Ett återkallat tillstånd gäller inte; ett
  tillstånd vars återkallelse domstolen stoppat (inhibition) gäller. Ett boende ska hålla sig
  inom tillståndets målgrupp, åldrar och platser.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och verksamheten "HVB Eken" av typen hvb som startade 2019-03-01

  Scenario: HVB utan tillstånd
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-01 för "HVB Eken" med lagrum "26 kap. 1 § första stycket socialtjänstlagen (2025:400)"

  Scenario: HVB med aktivt tillstånd och föreståndare
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och "Maria" är föreståndare från 2019-03-01
    När reglerna bedöms
    Så är TS-SOL-01 uppfylld för "HVB Eken"
    Och finns ingen överträdelse för "HVB Eken"

  Scenario: Ett kommunalt HVB behöver inget tillstånd
    Givet att huvudmannen är en kommun
    När reglerna bedöms
    Så är TS-SOL-01 inte tillämplig för "HVB Eken"

  Scenario: Ett tillstånd för en annan verksamhetstyp täcker inte
    Givet verksamheten fick tillstånd för stodboende 2019-02-01
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-01 för "HVB Eken" med lagrum "26 kap. 1 § första stycket socialtjänstlagen (2025:400)"

  Scenariomall: Drift efter återkallelse bedöms enligt den lag som gällde bedömningsdagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och tillståndet återkallades 2025-03-10
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-01 för "HVB Eken" med lagrum "<lagrum>"

    Exempel:
      | dag        | lagrum                                                   |
      | 2025-05-01 | 7 kap. 1 § första stycket socialtjänstlagen (2001:453)   |
      | 2025-09-01 | 26 kap. 1 § första stycket socialtjänstlagen (2025:400)  |

  Scenario: Domstolen stoppar återkallelsen (inhibition): tillståndet gäller
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och tillståndet återkallades 2025-03-10
    Och tillståndet stoppades av domstol (inhibition) 2025-03-20
    När reglerna bedöms
    Så är TS-SOL-01 uppfylld för "HVB Eken"

  Scenario: Ett vilande tillstånd är fortfarande ett tillstånd
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och tillståndet blev vilande 2026-01-01
    När reglerna bedöms
    Så är TS-SOL-01 uppfylld för "HVB Eken"

  Scenario: Skyddat boende från före tillståndsplikten kan inte bedömas utan ansökan
    Givet verksamheten "Skyddat boende Ljuset" av typen skyddat_boende som startade 2020-05-01
    Och bedömningsdagen är 2024-10-01
    När reglerna bedöms
    Så är TS-SOL-01 inte bedömbar för "Skyddat boende Ljuset"

  Scenariomall: Verksamhet trots förbud, före och efter den nya socialtjänstlagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och tillståndet förbjöds 2025-03-10
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-02 för "HVB Eken" med lagrum "<lagrum>"
    Och undantas "HVB Eken" från TS-SOL-01 eftersom ett förbud gäller

    Exempel:
      | dag        | lagrum                                        |
      | 2025-05-01 | 13 kap. 9 § socialtjänstlagen (2001:453)      |
      | 2025-09-01 | 28 kap. 11 § socialtjänstlagen (2025:400)     |

  Scenario: Verksamhet som upphört före förbudet
    Givet verksamheten "HVB Lönnen" av typen hvb som startade 2019-03-01 och upphörde 2025-03-01
    Och verksamheten fick tillstånd för hvb 2019-02-01
    Och tillståndet förbjöds 2025-03-10
    När reglerna bedöms
    Så är TS-SOL-02 inte tillämplig för "HVB Lönnen"

  Scenariomall: Inskrivning efter återkallelsen citerar lagen som gällde inskrivningsdagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 4 platser
    Och tillståndet återkallades 2025-03-10
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven   | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | <inskriven> | <inskriven>           |
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-03 för "K-101" med lagrum "<lagrum>"

    Exempel:
      | inskriven  | lagrum                                                  |
      | 2025-04-02 | 7 kap. 1 § första stycket socialtjänstlagen (2001:453)  |
      | 2025-08-12 | 26 kap. 1 § första stycket socialtjänstlagen (2025:400) |

  Scenario: Inskrivning medan tillståndet gällde
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 4 platser
    Och tillståndet återkallades 2025-03-10
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | 2024-11-04 | 2024-11-01            |
    När reglerna bedöms
    Så är TS-SOL-03 uppfylld för "K-101"
    Och finns ingen överträdelse för "K-101"

  Scenariomall: Inskrivning trots förbud
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 4 platser
    Och tillståndet förbjöds 2025-05-20
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven   | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | <inskriven> | <inskriven>           |
    När reglerna bedöms
    Så är TS-SOL-04 <utfall> för "K-101"

    Exempel:
      | inskriven  | utfall          |
      | 2025-05-19 | uppfylld        |
      | 2025-06-10 | en överträdelse |
      | 2025-08-12 | en överträdelse |

  Scenariomall: Placering utanför tillståndets målgrupp, före och efter den nya socialtjänstlagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, missbruk, åldrarna 13–17 och 4 platser
    Och följande placeringar:
      | klient | ålder | målgrupp              | inskriven   | prövning dokumenterad |
      | K-101  | 16    | vald_i_nara_relation  | <inskriven> | <inskriven>           |
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-05 för "K-101" med lagrum "<lagrum>"

    Exempel:
      | inskriven  | lagrum                                        |
      | 2025-05-12 | 7 kap. 2 § socialtjänstlagen (2001:453)       |
      | 2025-09-01 | 26 kap. 5 § socialtjänstlagen (2025:400)      |
      | 2026-02-02 | 26 kap. 6 § socialtjänstlagen (2025:400)      |

  Scenario: Placering inom tillståndets målgrupp
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, missbruk, åldrarna 13–17 och 4 platser
    Och följande placeringar:
      | klient | ålder | målgrupp | inskriven  | prövning dokumenterad |
      | K-101  | 16    | missbruk | 2025-09-01 | 2025-09-01            |
    När reglerna bedöms
    Så är TS-SOL-05 uppfylld för "K-101"
    Och är TS-SOL-06 uppfylld för "K-101"

  Scenario: Ett tillstånd utan angiven målgrupp gör målgruppen obestämd
    Givet verksamheten fick tillstånd för hvb 2019-02-01
    Och följande placeringar:
      | klient | ålder | målgrupp | inskriven  | prövning dokumenterad |
      | K-101  | 16    | missbruk | 2025-09-01 | 2025-09-01            |
    När reglerna bedöms
    Så är TS-SOL-05 inte bedömbar för "K-101"

  Scenariomall: Åldern vid inskrivningen jämförs med tillståndets åldrar, gränserna ingår
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 4 platser
    Och följande placeringar:
      | klient | ålder   | målgrupp                | inskriven   | prövning dokumenterad |
      | K-101  | <ålder> | psykosocial_problematik | <inskriven> | <inskriven>           |
    När reglerna bedöms
    Så är TS-SOL-06 <utfall> för "K-101"

    Exempel:
      | ålder | inskriven  | utfall          |
      | 12    | 2025-09-08 | en överträdelse |
      | 13    | 2025-09-08 | uppfylld        |
      | 17    | 2025-01-20 | uppfylld        |
      | 18    | 2025-01-20 | en överträdelse |

  Scenario: Åldersöverträdelse före den nya socialtjänstlagen citerar den gamla
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 4 platser
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | prövning dokumenterad |
      | K-101  | 18    | psykosocial_problematik | 2025-01-20 | 2025-01-20            |
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-06 för "K-101" med lagrum "7 kap. 2 § socialtjänstlagen (2001:453)"

  Scenario: Fler inskrivna än platser en dag
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 2 platser
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | utskriven  | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | 2025-08-04 |            | 2025-08-04            |
      | K-102  | 14    | psykosocial_problematik | 2025-09-01 |            | 2025-09-01            |
      | K-103  | 16    | psykosocial_problematik | 2025-10-01 | 2025-10-20 | 2025-10-01            |
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-07 för "beläggningen 2025-10-01" med lagrum "26 kap. 5 § socialtjänstlagen (2025:400)"
    Och är TS-SOL-07 uppfylld för "beläggningen 2025-09-01"

  Scenario: Två gällande tillstånd samtidigt: överbeläggning kan inte visas
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 2 platser
    Och verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 18–20 och 2 platser
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | 2025-08-04 | 2025-08-04            |
      | K-102  | 16    | psykosocial_problematik | 2025-09-01 | 2025-09-01            |
      | K-103  | 19    | psykosocial_problematik | 2025-10-01 | 2025-10-01            |
    När reglerna bedöms
    Så är TS-SOL-07 inte bedömbar för "beläggningen 2025-10-01"

  Scenario: Skyddat boende utan prövat tillstånd: inskrivningar kan inte bedömas
    Givet verksamheten "Skyddat boende Ljuset" av typen skyddat_boende som startade 2020-05-01
    Och bedömningsdagen är 2024-07-15
    Och följande placeringar:
      | klient | ålder | målgrupp             | inskriven  | prövning dokumenterad |
      | K-301  | 34    | vald_i_nara_relation | 2024-06-03 | 2024-06-03            |
    När reglerna bedöms
    Så är TS-SOL-03 inte bedömbar för "K-301"
    Och är TS-SOL-01 inte bedömbar för "Skyddat boende Ljuset"

  Scenario: Skyddat boende vars tillstånd prövats och sedan återkallats
    Givet verksamheten "Skyddat boende Ljuset" av typen skyddat_boende som startade 2020-05-01
    Och verksamheten fick tillstånd för skyddat_boende 2024-10-01
    Och tillståndet återkallades 2026-01-15
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-01 för "Skyddat boende Ljuset" med lagrum "26 kap. 1 § första stycket socialtjänstlagen (2025:400)"

  Scenario: Ett förbud mot ett tillstånd för en annan verksamhetstyp är inget förbud mot HVB:t
    Givet verksamheten fick tillstånd för stodboende 2019-02-01
    Och tillståndet förbjöds 2025-03-10
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-01 för "HVB Eken" med lagrum "26 kap. 1 § första stycket socialtjänstlagen (2025:400)"
    Och är TS-SOL-02 uppfylld för "HVB Eken"

  Scenario: Den som skrivs ut samma dag som någon annan skrivs in räknas inte den dagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 2 platser
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | utskriven  | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | 2025-08-04 | 2025-10-01 | 2025-08-04            |
      | K-102  | 14    | psykosocial_problematik | 2025-09-01 |            | 2025-09-01            |
      | K-103  | 16    | psykosocial_problematik | 2025-10-01 |            | 2025-10-01            |
    När reglerna bedöms
    Så är TS-SOL-07 uppfylld för "beläggningen 2025-10-01"

  Scenariomall: Överbeläggning citerar lagen som gällde den dagen
    Givet verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 1 platser
    Och följande placeringar:
      | klient | ålder | målgrupp                | inskriven | prövning dokumenterad |
      | K-101  | 15    | psykosocial_problematik | <första>  | <första>              |
      | K-102  | 14    | psykosocial_problematik | <andra>   | <andra>               |
    När reglerna bedöms
    Så rapporteras överträdelse av TS-SOL-07 för "beläggningen <andra>" med lagrum "<lagrum>"

    Exempel:
      | första     | andra      | lagrum                                                      |
      | 2025-01-07 | 2025-03-03 | 7 kap. 2 § socialtjänstlagen (2001:453)                     |
      | 2026-01-07 | 2026-03-02 | 26 kap. 5 § socialtjänstlagen (2025:400)                    |

  Scenariomall: LSS-verksamhet utan tillstånd, före och efter lag 2025:1298
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-06-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2021-05-01
    Och tillståndet återkallades 2025-06-01
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så rapporteras överträdelse av TS-LSS-01 för "Ekens Assistans" med lagrum "<lagrum>"

    Exempel:
      | dag        | lagrum                                                                        |
      | 2025-10-01 | 23 § första stycket lagen (1993:387) om stöd och service till vissa funktionshindrade |
      | 2026-03-01 | 28 § lagen (1993:387) om stöd och service till vissa funktionshindrade        |

  Scenario: Under ett förbud enligt LSS är regeln om verksamhet utan tillstånd inte tillämplig
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-06-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2021-05-01
    Och tillståndet förbjöds 2025-06-01
    Och bedömningsdagen är 2025-09-01
    När reglerna bedöms
    Så undantas "Ekens Assistans" från TS-LSS-01 eftersom ett förbud gäller

  Scenario: LSS-verksamhet med tillstånd
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-06-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2021-05-01
    När reglerna bedöms
    Så är TS-LSS-01 uppfylld för "Ekens Assistans"

  Scenariomall: LSS-verksamhet som fortsätter trots förbud, före och efter lag 2025:1298
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-06-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2021-05-01
    Och tillståndet förbjöds 2025-06-01
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så rapporteras överträdelse av TS-LSS-02 för "Ekens Assistans" med lagrum "<lagrum>"
    Och har TS-LSS-02 för "Ekens Assistans" lydelsen <lydelse>
    Och undantas "Ekens Assistans" från TS-LSS-01 eftersom ett förbud gäller

    Exempel:
      | dag        | lydelse   | lagrum                                                                   |
      | 2025-12-31 | äldre     | 26 g § lagen (1993:387) om stöd och service till vissa funktionshindrade |
      | 2026-01-01 | 2025:1298 | 26 g § lagen (1993:387) om stöd och service till vissa funktionshindrade |

  Scenario: Rådgivning och personligt stöd enligt 9 § 1 LSS kräver inget tillstånd
    Givet verksamheten "Askens rådgivning" av typen lss_radgivning som startade 2024-06-01
    När reglerna bedöms
    Så är TS-LSS-01 inte tillämplig för "Askens rådgivning"
    Och är TS-LSS-02 inte tillämplig för "Askens rådgivning"
    Och är TS-SOL-01 inte tillämplig för "Askens rådgivning"
    Och finns ingen överträdelse för "Askens rådgivning"
