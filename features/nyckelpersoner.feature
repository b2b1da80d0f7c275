# language: sv
Egenskap: Företrädare och nyckelpersoner hos tillståndshavare
  Den som har tillstånd ska anmäla ändringar bland nyckelpersonerna till IVO inom en månad
  (7 kap. 2 a § socialtjänstlagen (2001:453), från 2025-07-01 26 kap. 7 §
  socialtjänstlagen (2025:400); 23 b § LSS). Fristen är en handlingsfrist: slutar den på en
  lördag, söndag eller helgdag räcker det att anmäla nästa vardag. Lämpligheten är en
  helhetsbedömning; domar, ekonomisk misskötsel och tidigare återkallade tillstånd i
  underlaget är indikatorer som bör utredas, aldrig överträdelser.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och verksamheten "HVB Eken" av typen hvb som startade 2019-03-01
    Och verksamheten fick tillstånd för hvb 2019-02-01

  Scenariomall: En ny nyckelperson anmäls för sent, före och efter den nya socialtjänstlagen
    Givet "Lars" blev <roll> hos huvudmannen <från> och anmäldes till IVO <anmäld>
    När reglerna bedöms
    Så rapporteras överträdelse av NP-SOL-01 för "Lars" med lagrum "<lagrum>"

    Exempel:
      | roll            | från       | anmäld     | lagrum                                     |
      | styrelseledamot | 2025-02-03 | 2025-03-17 | 7 kap. 2 a § socialtjänstlagen (2001:453)  |
      | vd              | 2025-09-01 | 2025-10-15 | 26 kap. 7 § socialtjänstlagen (2025:400)   |

  Scenario: En ny VD anmäls aldrig
    Givet "Lars" blev vd hos huvudmannen 2025-09-01 och anmäldes inte
    När reglerna bedöms
    Så är NP-SOL-01 en överträdelse för "Lars"

  Scenariomall: Anmälningsfristen är en månad och flyttas förbi helger
    Givet "Lars" blev vd hos huvudmannen <från> och anmäldes till IVO <anmäld>
    När reglerna bedöms
    Så är NP-SOL-01 <utfall> för "Lars"

    Exempel:
      | från       | anmäld     | utfall          |
      | 2025-09-01 | 2025-10-01 | uppfylld        |
      | 2025-09-01 | 2025-10-02 | en överträdelse |
      | 2025-10-08 | 2025-11-10 | uppfylld        |
      | 2025-10-08 | 2025-11-11 | en överträdelse |

  Scenario: Rollen började före den nya socialtjänstlagen men fristen löpte ut efter
    Givet "Lars" blev vd hos huvudmannen 2025-06-16 och anmäldes inte
    När reglerna bedöms
    Så rapporteras överträdelse av NP-SOL-01 för "Lars" med lagrum "26 kap. 7 § socialtjänstlagen (2025:400)"

  Scenario: En firmatecknare ingår inte i kretsen som ska anmälas
    Givet "Lars" blev firmatecknare hos huvudmannen 2025-09-01 och anmäldes inte
    När reglerna bedöms
    Så är NP-SOL-01 inte tillämplig för "Lars"

  Scenario: Fristen har inte gått ut på bedömningsdagen
    Givet "Lars" blev vd hos huvudmannen 2026-11-02 och anmäldes inte
    När reglerna bedöms
    Så är NP-SOL-01 inte tillämplig för "Lars"

  Scenario: Anmälningsplikten enligt LSS
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-01-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2020-11-01
    Och "Karin" blev ägare hos huvudmannen 2025-04-01 och anmäldes inte
    När reglerna bedöms
    Så rapporteras överträdelse av NP-LSS-01 för "Karin" med lagrum "23 b § lagen (1993:387)"

  Scenario: Ägarbyte anmält i tid enligt LSS
    Givet verksamheten "Ekens Assistans" av typen lss_personlig_assistans som startade 2021-01-01
    Och verksamheten fick tillstånd för lss_personlig_assistans 2020-11-01
    Och "Karin" blev ägare hos huvudmannen 2025-04-01 och anmäldes till IVO 2025-04-28
    När reglerna bedöms
    Så är NP-LSS-01 uppfylld för "Karin"

  Scenariomall: En dom för allvarligt brott bör utredas, före och efter den nya socialtjänstlagen
    Givet "Lars" blev vd hos huvudmannen 2024-01-01 och anmäldes till IVO 2024-01-15
    Och "Lars" dömdes 2021-05-10 för bokforingsbrott
    Och bedömningsdagen är <dag>
    När reglerna bedöms
    Så bör NP-IND-01 utredas för "Lars" med lagrum "<lagrum>"
    Och finns ingen överträdelse för "Lars"

    Exempel:
      | dag        | lagrum                                   |
      | 2025-05-01 | 7 kap. 2 § socialtjänstlagen (2001:453)  |
      | 2026-11-20 | 26 kap. 3 § socialtjänstlagen (2025:400) |

  Scenariomall: Domar som inte flaggas
    Givet "Lars" blev vd hos huvudmannen 2024-01-01 och anmäldes till IVO 2024-01-15
    Och "Lars" dömdes <dag> för <brott>
    När reglerna bedöms
    Så är NP-IND-01 uppfylld för "Lars"

    Exempel:
      | dag        | brott       |
      | 2021-05-10 | trafikbrott |
      | 2014-05-10 | vald        |

  Scenario: Upprepad ekonomisk misskötsel bör utredas
    Givet "Lars" blev styrelseledamot hos huvudmannen 2024-01-01 och anmäldes till IVO 2024-01-15
    Och "Lars" fick en ekonomisk anmärkning (skuld_kronofogden) 2023-02-01
    Och "Lars" fick en ekonomisk anmärkning (konkurs) 2024-06-11
    När reglerna bedöms
    Så bör NP-IND-02 utredas för "Lars" med lagrum "26 kap. 3 § socialtjänstlagen (2025:400)"

  Scenario: En enstaka ekonomisk anmärkning flaggas inte
    Givet "Lars" blev styrelseledamot hos huvudmannen 2024-01-01 och anmäldes till IVO 2024-01-15
    Och "Lars" fick en ekonomisk anmärkning (skuld_kronofogden) 2023-02-01
    När reglerna bedöms
    Så är NP-IND-02 uppfylld för "Lars"

  Scenario: Roll i ett bolag vars tillstånd återkallades bör utredas
    Givet "Lars" blev vd hos huvudmannen 2025-01-01 och anmäldes till IVO 2025-01-10
    Och "Lars" var styrelseledamot i "Askens Vård AB" från 2020-01-01 till 2024-12-31
    Och tillståndet för "Askens Vård AB" återkallades 2024-09-15
    När reglerna bedöms
    Så bör NP-IND-03 utredas för "Lars" med lagrum "26 kap. 4 § socialtjänstlagen (2025:400)"

  Scenario: Personen lämnade bolaget före återkallelsen
    Givet "Lars" blev vd hos huvudmannen 2025-01-01 och anmäldes till IVO 2025-01-10
    Och "Lars" var styrelseledamot i "Askens Vård AB" från 2020-01-01 till 2023-12-31
    Och tillståndet för "Askens Vård AB" återkallades 2024-09-15
    När reglerna bedöms
    Så är NP-IND-03 uppfylld för "Lars"

  Scenario: En tidigare företrädare bedöms inte
    Givet "Lars" var vd hos huvudmannen från 2020-01-01 till 2023-12-31
    Och "Lars" dömdes 2021-05-10 för bokforingsbrott
    När reglerna bedöms
    Så är NP-IND-01 inte tillämplig för "Lars"
