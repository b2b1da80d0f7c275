# language: sv
Egenskap: Granskning av ansökan om tillstånd
  En ansökan om tillstånd enligt socialtjänstlagen eller LSS ska innehålla de uppgifter som
  socialtjänstförordningen (2001:937) 4 kap. 1 och 1 b §§ och förordningen (1993:1090) 7, 8 och
  8 a §§ räknar upp; det som saknas begärs in ("komplettering begärs") med sitt lagrum. Bara
  verksamhet enligt 26 kap. 1 § socialtjänstlagen (2025:400) och 9 § 2–10 LSS kräver tillstånd,
  och målgrupp och åldrar ska stämma med verksamhetstypen. Ägare och ledning ska vara lämpliga:
  domar, ekonomisk misskötsel, en roll i ett bolag vars tillstånd återkallades och en återkallad
  legitimation i underlaget är skäl att utreda ("bör utredas"), aldrig överträdelser. En ansökan
  är ingen verksamhet som bedrivs och får aldrig ett fynd om verksamhet utan tillstånd.

  Scenario: En komplett ansökan utan tecken i underlaget
    Givet ansökan "01_komplett.yaml" med underlaget
    När ansökan granskas
    Så begärs ingen komplettering
    Och bör ingen person utredas
    Och är verksamheten tillståndspliktig
    Och rapporteras inget fynd om verksamhet utan tillstånd
    Och är slutstatus 0

  Scenario: En dag då Regelkoll inte har någon version av uppgiftsreglerna är ansökan inte "komplett"
    Givet ansökan "01_komplett.yaml" med underlaget, bedömd per 2024-01-01
    När ansökan granskas
    Så kunde fullständigheten inte bedömas enligt AN-SOL-02
    Och kunde fullständigheten inte bedömas enligt AN-TILL-01
    Och är slutstatus 1

  Scenario: En ofullständig ansökan om personlig assistans
    Givet ansökan "02_ofullstandig.yaml" med underlaget
    När ansökan granskas
    Så begärs komplettering enligt AN-PA-05, AN-PA-07, AN-PA-08, AN-PA-09, AN-PA-10, AN-PA-11 och AN-PA-13
    Och rapporteras inget fynd om verksamhet utan tillstånd
    Och är slutstatus 1

  Scenario: En styrelseledamot är dömd för bedrägeri
    Givet ansökan "03_domd_styrelseledamot.yaml" med underlaget
    När ansökan granskas
    Så bör "Jonas Ny" utredas enligt AN-LAMP-01
    Och bör "Maria Lind" inte utredas
    Och begärs ingen komplettering

  Scenario: VD:n satt i styrelsen för ett bolag vars tillstånd återkallades
    Givet ansökan "04_aterkallat_bolag.yaml" med underlaget
    När ansökan granskas
    Så bör "Sofia Dahl" utredas enligt AN-LAMP-13
    Och bör "Nils Rask" inte utredas

  Scenario: Sökandens eget tillstånd har återkallats tidigare
    Givet ansökan "07_sokandens_tillstand_aterkallat.yaml" med underlaget
    När ansökan granskas
    Så bör "Ansökan från Askens Vård AB" utredas enligt AN-SOK-01
    Och bör "Nils Rask" inte utredas
    Och begärs ingen komplettering

  Scenario: Råd och stöd enligt 9 § 1 LSS kräver inget tillstånd
    Givet ansökan "05_ingen_tillstandsplikt.yaml" med underlaget
    När ansökan granskas
    Så är verksamheten inte tillståndspliktig enligt AN-TILL-01
    Och begärs ingen komplettering

  Scenario: Bostad för barn söks för vuxna och föreståndaren kan inte identifieras
    Givet ansökan "06_barnboende_for_vuxna.yaml" med underlaget
    När ansökan granskas
    Så stämmer målgruppen inte med verksamhetstypen enligt AN-ALDER-01
    Och stämmer målgruppen inte med verksamhetstypen enligt AN-ALDER-04
    Och begärs komplettering enligt AN-FOR-11

  Scenario: En ansökan som inte säger vilken verksamhet den avser
    Givet en ansökan om hvb som lämnar alla uppgifter utom verksamhet
    När ansökan granskas
    Så begärs komplettering enligt AN-ALLM-01

  Scenariomall: Målgrupp och åldrar ska stämma med verksamhetstypen
    Givet en ansökan om <typ> för åldrarna <från>–<till> år som <barn> sig till barn
    När ansökan granskas
    Så stämmer målgruppen <stämmer> med verksamhetstypen enligt <regel>

    Exempel:
      | typ                  | från | till | barn        | stämmer | regel       |
      | lss_bostad_barn      | 18   | 30   | inte riktar | inte    | AN-ALDER-01 |
      | lss_bostad_barn      | 6    | 17   | riktar      | väl     | AN-ALDER-01 |
      | lss_bostad_vuxna     | 16   | 65   | riktar      | inte    | AN-ALDER-02 |
      | stodboende           | 14   | 20   | riktar      | inte    | AN-ALDER-03 |
      | stodboende           | 16   | 20   | riktar      | väl     | AN-ALDER-03 |
      | hvb                  | 15   | 20   | inte riktar | inte    | AN-BARN-01  |
      | lss_korttidsvistelse | 10   | 25   | inte riktar | inte    | AN-BARN-02  |

  Scenariomall: Ansökans eget besked om barn avgör också utan åldrar
    Givet en ansökan om <typ> utan åldrar som <barn> sig till barn
    När ansökan granskas
    Så stämmer målgruppen inte med verksamhetstypen enligt <regel>

    Exempel:
      | typ              | barn        | regel       |
      | lss_bostad_barn  | inte riktar | AN-ALDER-04 |
      | lss_bostad_vuxna | riktar      | AN-ALDER-05 |

  Scenario: En person i kretsen dömd för ett allvarligt brott
    Givet en ansökan om hvb där "Lars" är styrelseledamot
    Och "Lars" dömdes 2023-05-17 för bedrageri
    När ansökan granskas
    Så bör "Lars" utredas enligt AN-LAMP-01

  Scenario: En dom för trafikbrott är inget skäl att utreda
    Givet en ansökan om hvb där "Lars" är styrelseledamot
    Och "Lars" dömdes 2023-05-17 för trafikbrott
    När ansökan granskas
    Så bör "Lars" inte utredas

  Scenariomall: Ägare och ledning prövas bara i verksamhet som kräver tillstånd
    Givet en ansökan om <typ> där "Lars" är styrelseledamot
    Och "Lars" dömdes 2023-05-17 för bedrageri
    När ansökan granskas
    Så prövas inte lämpligheten hos "Lars"

    Exempel:
      | typ             |
      | lss_radgivning  |
      | estetisk_klinik |
      | socialnamnd     |
      | familjehem      |
      | sis_hem         |

  Scenario: Föreståndaren ingår inte i ägar- och ledningskretsen och prövas inte som den
    Givet en ansökan om hvb där "Lars" är styrelseledamot
    Och "Eva" är föreslagen föreståndare
    Och "Eva" dömdes 2022-03-01 för vald
    Och "Eva" var vd 2020-01-01–2024-12-31 i ett bolag vars tillstånd återkallades 2024-09-15
    Och "Eva":s legitimation som sjukskoterska återkallades 2023-02-01
    När ansökan granskas
    Så bör "Ansökan från Sökande AB" inte utredas
    Och bör "Lars" inte utredas

  Scenario: Upprepad ekonomisk misskötsel inom fem år
    Givet en ansökan om lss_personlig_assistans där "Ali" är vd
    Och "Ali" fick en ekonomisk anmärkning (skuld_kronofogden) 2023-02-01
    Och "Ali" fick en ekonomisk anmärkning (konkurs) 2024-06-11
    När ansökan granskas
    Så bör "Ali" utredas enligt AN-LAMP-12

  Scenario: Upprepad ekonomisk misskötsel hos en styrelseledamot i ett HVB
    Givet en ansökan om hvb där "Ali" är styrelseledamot
    Och "Ali" fick en ekonomisk anmärkning (skuld_kronofogden) 2023-02-01
    Och "Ali" fick en ekonomisk anmärkning (konkurs) 2024-06-11
    När ansökan granskas
    Så bör "Ali" utredas enligt AN-LAMP-02

  Scenario: VD i ett bolag vars tillstånd återkallades söker tillstånd för ett HVB
    Givet en ansökan om hvb där "Lars" är styrelseledamot
    Och "Lars" var vd 2020-01-01–2024-12-31 i ett bolag vars tillstånd återkallades 2024-09-15
    När ansökan granskas
    Så bör "Lars" utredas enligt AN-LAMP-03

  Scenario: En enstaka ekonomisk anmärkning är inget skäl att utreda
    Givet en ansökan om lss_personlig_assistans där "Ali" är vd
    Och "Ali" fick en ekonomisk anmärkning (skuld_kronofogden) 2023-02-01
    När ansökan granskas
    Så bör "Ali" inte utredas

  Scenario: En ägare vars legitimation som läkare återkallades
    Givet en ansökan om hvb där "Sara" är agare
    Och "Sara":s legitimation som lakare återkallades 2023-02-01
    När ansökan granskas
    Så bör "Sara" utredas enligt AN-LAMP-04

  Scenariomall: En enskild firma har ingen krets av ägare och ledning och ingen bolagsordning att redovisa
    Givet en ansökan om <typ> från en enskild firma som lämnar alla uppgifter utom personkrets, bolagsordning och firmatecknare
    När ansökan granskas
    Så begärs ingen komplettering

    Exempel:
      | typ                     |
      | hvb                     |
      | lss_bostad_vuxna        |
      | lss_personlig_assistans |

  Scenariomall: Lämplighetsprövningen citerar lagen för verksamhetens slag
    Givet en ansökan om <typ> där "Sara" är agare
    Och "Sara":s legitimation som lakare återkallades 2023-02-01
    Och "Sara" dömdes 2023-05-17 för bedrageri
    När ansökan granskas
    Så bör "Sara" utredas enligt <legitimation>
    Och bör "Sara" utredas enligt <dom>

    Exempel:
      | typ                     | legitimation | dom        |
      | hvb                     | AN-LAMP-04   | AN-LAMP-01 |
      | lss_daglig_verksamhet   | AN-LAMP-14   | AN-LAMP-11 |

  Scenariomall: Sökandens eget återkallade tillstånd
    Givet en ansökan om <typ> där "Lars" är styrelseledamot
    Och sökandens eget tillstånd för <typ> återkallades 2024-09-15
    När ansökan granskas
    Så bör "Ansökan från Sökande AB" utredas enligt <regel>

    Exempel:
      | typ                     | regel     |
      | hvb                     | AN-SOK-01 |
      | lss_personlig_assistans | AN-SOK-02 |

  Scenariomall: En uppgift som saknas blir en begäran om komplettering med sitt lagrum
    Givet en ansökan om <typ> som lämnar alla uppgifter utom <uppgift>
    När ansökan granskas
    Så begärs komplettering enligt <regel> med lagrum "<lagrum>"

    Exempel:
      | typ                     | uppgift              | regel     | lagrum                                                                                           |
      | hvb                     | huvudman             | AN-SOL-02 | 4 kap. 1 § första stycket 2 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | drift_och_omfattning | AN-SOL-03 | 4 kap. 1 § första stycket 3 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | malgrupp             | AN-SOL-04 | 4 kap. 1 § första stycket 4 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | finansiering         | AN-SOL-05 | 4 kap. 1 § första stycket 5 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | forestandare         | AN-SOL-06 | 4 kap. 1 § första stycket 6 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | personal             | AN-SOL-07 | 4 kap. 1 § första stycket 7 socialtjänstförordningen (2001:937)                                  |
      | hvb                     | ritningar            | AN-SOL-08 | 4 kap. 1 § tredje stycket socialtjänstförordningen (2001:937)                                    |
      | stodboende              | lagenhetsforteckning | AN-SOL-09 | 4 kap. 1 § fjärde stycket socialtjänstförordningen (2001:937)                                    |
      | hvb                     | bolagsordning        | AN-SOL-10 | 4 kap. 1 § femte stycket socialtjänstförordningen (2001:937)                                     |
      | hvb                     | personkrets          | AN-SOL-11 | 4 kap. 1 b § 1 socialtjänstförordningen (2001:937)                                               |
      | hvb                     | forestandare_identitet | AN-FOR-01 | 4 kap. 1 § första stycket 6 socialtjänstförordningen (2001:937)                                |
      | lss_korttidsvistelse    | forestandare_identitet | AN-FOR-11 | 7 § första stycket 6 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_personlig_assistans | forestandare_identitet | AN-FOR-12 | 8 § första stycket 6 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_korttidsvistelse    | huvudman             | AN-LSS-02 | 7 § första stycket 2 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | drift_och_omfattning | AN-LSS-03 | 7 § första stycket 3 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | malgrupp             | AN-LSS-04 | 7 § första stycket 4 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | finansiering         | AN-LSS-05 | 7 § första stycket 5 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | forestandare         | AN-LSS-06 | 7 § första stycket 6 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | personal             | AN-LSS-07 | 7 § första stycket 7 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | lagefterlevnad       | AN-LSS-08 | 7 § första stycket 8 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_korttidsvistelse    | ritningar            | AN-LSS-09 | 7 § andra stycket förordningen (1993:1090) om stöd och service till vissa funktionshindrade      |
      | lss_korttidsvistelse    | bolagsordning        | AN-LSS-10 | 8 a § första stycket 1 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_korttidsvistelse    | personkrets          | AN-LSS-11 | 8 a § första stycket 3 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_korttidsvistelse    | underskrift          | AN-LSS-12 | 7 § förordningen (1993:1090) om stöd och service till vissa funktionshindrade                    |
      | lss_personlig_assistans | huvudman             | AN-PA-02  | 8 § första stycket 2 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | drift_och_omfattning | AN-PA-03  | 8 § första stycket 3 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | malgrupp             | AN-PA-04  | 8 § första stycket 4 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | finansiering         | AN-PA-05  | 8 § första stycket 5 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | forestandare         | AN-PA-06  | 8 § första stycket 6 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | kompetensutveckling  | AN-PA-07  | 8 § första stycket 7 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | lagefterlevnad       | AN-PA-08  | 8 § första stycket 8 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | brukarinflytande     | AN-PA-09  | 8 § första stycket 9 förordningen (1993:1090) om stöd och service till vissa funktionshindrade   |
      | lss_personlig_assistans | kontaktrutiner       | AN-PA-10  | 8 § första stycket 10 förordningen (1993:1090) om stöd och service till vissa funktionshindrade  |
      | lss_personlig_assistans | bolagsordning        | AN-PA-11  | 8 a § första stycket 1 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_personlig_assistans | personkrets          | AN-PA-12  | 8 a § första stycket 3 förordningen (1993:1090) om stöd och service till vissa funktionshindrade |
      | lss_personlig_assistans | underskrift          | AN-PA-13  | 8 § förordningen (1993:1090) om stöd och service till vissa funktionshindrade                    |
