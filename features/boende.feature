# language: sv
Egenskap: Föreståndare, inskrivning och familjehem
  Varje HVB, stödboende och skyddat boende ska ha en föreståndare (3 kap. 5 §
  socialtjänstförordningen (2001:937)). Vid inskrivning ska det prövas att boendet passar
  personen, och prövningen ska vara dokumenterad senast inskrivningsdagen (3 kap. 11 § andra
  stycket). Ett familjehem med anställd personal, eller där familjehemsföräldrarna inte bor,
  kan vara ett HVB utan tillstånd: det är en indikator som bör utredas, aldrig en överträdelse.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och verksamheten "HVB Eken" av typen hvb som startade 2019-03-01
    Och verksamheten fick tillstånd för hvb 2019-02-01 för målgruppen psykosocial_problematik, åldrarna 13–17 och 6 platser

  Scenariomall: Inskrivning utan dokumenterad lämplighetsprövning, före och efter den nya socialtjänstlagen
    Givet följande placeringar:
      | klient | ålder | målgrupp                | inskriven   | prövning dokumenterad |
      | K-201  | 15    | psykosocial_problematik | <inskriven> | <dokumenterad>        |
    När reglerna bedöms
    Så rapporteras överträdelse av IN-SOL-01 för "K-201" med lagrum "<lagrum>"

    Exempel:
      | inskriven  | dokumenterad | lagrum                                                       |
      | 2025-03-03 | 2025-03-10   | 3 kap. 11 § andra stycket socialtjänstförordningen (2001:937) |
      | 2025-09-15 |              | 3 kap. 11 § andra stycket socialtjänstförordningen (2001:937) |

  Scenario: Lagrummet efter 2025-07-01 är markerat som overifierat
    Givet följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | prövning dokumenterad |
      | K-201  | 15    | psykosocial_problematik | 2025-09-15 |                       |
    När reglerna bedöms
    Så rapporteras överträdelse av IN-SOL-01 för "K-201" med lagrum "3 kap. 11 § andra stycket socialtjänstförordningen (2001:937)"
    Och är lagrummet för IN-SOL-01 för "K-201" overifierat

  Scenariomall: En prövning dokumenterad senast inskrivningsdagen godtas
    Givet följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | prövning dokumenterad |
      | K-201  | 15    | psykosocial_problematik | 2025-09-15 | <dokumenterad>        |
    När reglerna bedöms
    Så är IN-SOL-01 <utfall> för "K-201"

    Exempel:
      | dokumenterad | utfall          |
      | 2025-09-12   | uppfylld        |
      | 2025-09-15   | uppfylld        |
      | 2025-09-16   | en överträdelse |

  Scenario: En placering som avslutades för mer än fem år sedan kan inte bedömas
    Givet följande placeringar:
      | klient | ålder | målgrupp                | inskriven  | utskriven  |
      | K-201  | 15    | psykosocial_problematik | 2019-03-04 | 2020-01-15 |
    När reglerna bedöms
    Så är IN-SOL-01 inte bedömbar för "K-201"

  Scenario: Skyddade boenden omfattas av inskrivningskravet först från 2024-04-01
    Givet verksamheten "Skyddat boende Ljuset" av typen skyddat_boende som startade 2019-03-01
    Och följande placeringar:
      | klient | ålder | målgrupp             | inskriven  |
      | K-301  | 34    | vald_i_nara_relation | 2023-10-02 |
    När reglerna bedöms
    Så är IN-SOL-01 inte tillämplig för "K-301"

  Scenariomall: Boende utan föreståndare, före och efter den nya socialtjänstlagen
    Givet "Maria" är föreståndare från 2020-01-01 till 2025-03-31
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så rapporteras överträdelse av IN-SOL-02 för "HVB Eken" med lagrum "3 kap. 5 § socialtjänstförordningen (2001:937)"

    Exempel:
      | dag        |
      | 2025-05-01 |
      | 2026-11-20 |

  Scenario: Boende med föreståndare
    Givet "Maria" är föreståndare från 2020-01-01
    När reglerna bedöms
    Så är IN-SOL-02 uppfylld för "HVB Eken"
    Och finns ingen överträdelse för "HVB Eken"

  Scenario: Ett boende utan startdatum kan inte bedömas
    Givet verksamheten "HVB Okänd" av typen hvb
    När reglerna bedöms
    Så är IN-SOL-02 inte bedömbar för "HVB Okänd"

  Scenario: Familjehem med anställd personal bör utredas
    Givet verksamheten "Familjehemmet Lönnen" av typen familjehem
    Och "Eva" är familjehemsförälder från 2023-01-01 och bor i hemmet
    Och "Per" är anställd från 2025-02-01
    När reglerna bedöms
    Så bör FH-IND-01 utredas för "Familjehemmet Lönnen" med lagrum "26 kap. 1 § första stycket 1 socialtjänstlagen (2025:400)"
    Och finns ingen överträdelse för "Familjehemmet Lönnen"

  Scenario: Familjehem där familjehemsföräldern inte bor bör utredas
    Givet verksamheten "Familjehemmet Hasseln" av typen familjehem
    Och "Eva" är familjehemsförälder från 2023-01-01 och bor inte i hemmet
    Och bedömningsdagen är 2025-05-01
    När reglerna bedöms
    Så bör FH-IND-02 utredas för "Familjehemmet Hasseln" med lagrum "7 kap. 1 § första stycket 1 socialtjänstlagen (2001:453)"

  Scenario: Ett vanligt familjehem
    Givet verksamheten "Familjehemmet Rönnen" av typen familjehem
    Och "Eva" är familjehemsförälder från 2023-01-01 och bor i hemmet
    När reglerna bedöms
    Så är FH-IND-01 uppfylld för "Familjehemmet Rönnen"
    Och är FH-IND-02 uppfylld för "Familjehemmet Rönnen"

  Scenario: Okänt var familjehemsföräldern bor
    Givet verksamheten "Familjehemmet Aspen" av typen familjehem
    Och "Eva" är familjehemsförälder från 2023-01-01
    När reglerna bedöms
    Så är FH-IND-02 inte bedömbar för "Familjehemmet Aspen"
