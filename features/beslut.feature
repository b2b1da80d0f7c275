# language: sv
Egenskap: Rapportering av ej verkställda beslut
  Socialnämnden ska rapportera till IVO varje gynnande beslut som inte verkställts inom tre
  månader från beslutsdagen, och varje beslut vars verkställighet avbrutits och inte
  återupptagits inom tre månader (16 kap. 6 f § socialtjänstlagen (2001:453), från 2025-07-01
  34 kap. 1 § socialtjänstlagen (2025:400); 28 f § LSS). Rapporten lämnas per kvartal: beslutet
  ska finnas i rapporten för kvartalet då de tre månaderna löpte ut. Den lag som gällde den dagen
  är den som citeras. Ett beslut bedöms först sju månader efter beslutsdagen.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och att huvudmannen är en kommun
    Och verksamheten "Socialnämnden" av typen socialnamnd

  Scenariomall: Ej verkställt och inte rapporterat: lagen när tremånadersfristen löpte ut
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL <beslutsdag>
    När reglerna bedöms
    Så rapporteras överträdelse av BE-SOL-01 för "kontaktfamilj" med lagrum "<lagrum>"

    Exempel:
      | beslutsdag | lagrum                                      |
      | 2025-02-10 | 16 kap. 6 f § socialtjänstlagen (2001:453)  |
      | 2025-05-12 | 34 kap. 1 § socialtjänstlagen (2025:400)    |

  Scenariomall: Rapport för rätt kvartal, för sent kvartal eller verkställt i tid
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och <händelse>
    När reglerna bedöms
    Så är BE-SOL-01 <utfall> för "kontaktfamilj"

    Exempel:
      | händelse                                                          | utfall          |
      | beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30 | uppfylld        |
      | beslutet rapporterades till IVO för kvartalet som slutade 2025-12-31 | en överträdelse |
      | beslutet verkställdes 2025-08-12                                  | uppfylld        |
      | beslutet verkställdes 2025-08-13                                  | en överträdelse |

  Scenariomall: Rapporten gäller kvartalet då överskridandet först syns
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL <beslutsdag>
    Och beslutet rapporterades till IVO för kvartalet som slutade <kvartal>
    När reglerna bedöms
    Så är BE-SOL-01 <utfall> för "kontaktfamilj"

    Exempel:
      | beslutsdag | kvartal    | utfall          |
      | 2025-06-30 | 2025-09-30 | en överträdelse |
      | 2025-06-30 | 2025-12-31 | uppfylld        |
      | 2025-06-29 | 2025-09-30 | uppfylld        |

  Scenario: Ett beslut som är för nytt bedöms inte
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2026-06-01
    När reglerna bedöms
    Så är BE-SOL-01 inte tillämplig för "kontaktfamilj"

  Scenariomall: Avbrott som inte återupptagits inom tre månader
    Givet nämnden beslutade om "hemtjänst" enligt SoL 2024-09-02
    Och beslutet verkställdes 2024-10-01
    Och verkställigheten avbröts <avbrott>
    När reglerna bedöms
    Så rapporteras överträdelse av BE-SOL-02 för "avbrottet i hemtjänst" med lagrum "<lagrum>"

    Exempel:
      | avbrott    | lagrum                                      |
      | 2025-01-15 | 16 kap. 6 f § socialtjänstlagen (2001:453)  |
      | 2025-06-16 | 34 kap. 1 § socialtjänstlagen (2025:400)    |

  Scenario: Avbrott som återupptogs inom tre månader
    Givet nämnden beslutade om "hemtjänst" enligt SoL 2024-09-02
    Och beslutet verkställdes 2024-10-01
    Och verkställigheten avbröts 2025-06-16 och återupptogs 2025-08-01
    När reglerna bedöms
    Så är BE-SOL-02 uppfylld för "avbrottet i hemtjänst"

  Scenario: LSS-beslut som inte verkställts och inte rapporterats
    Givet nämnden beslutade om "bostad med särskild service" enligt LSS 2025-10-06
    När reglerna bedöms
    Så rapporteras överträdelse av BE-LSS-01 för "bostad med särskild service" med lagrum "28 f § lagen (1993:387)"
    Och är BE-SOL-01 inte tillämplig för "bostad med särskild service"

  Scenario: LSS-beslut rapporterat för rätt kvartal
    Givet nämnden beslutade om "bostad med särskild service" enligt LSS 2025-10-06
    Och beslutet rapporterades till IVO för kvartalet som slutade 2026-03-31
    När reglerna bedöms
    Så är BE-LSS-01 uppfylld för "bostad med särskild service"

  Scenario: Avbruten LSS-insats som inte återupptagits
    Givet nämnden beslutade om "daglig verksamhet" enligt LSS 2023-03-01
    Och beslutet verkställdes 2023-04-03
    Och verkställigheten avbröts 2025-11-03
    När reglerna bedöms
    Så rapporteras överträdelse av BE-LSS-02 för "avbrottet i daglig verksamhet" med lagrum "28 f § lagen (1993:387)"

  Scenario: Avbruten LSS-insats som återupptogs i tid
    Givet nämnden beslutade om "daglig verksamhet" enligt LSS 2023-03-01
    Och beslutet verkställdes 2023-04-03
    Och verkställigheten avbröts 2025-11-03 och återupptogs 2026-01-19
    När reglerna bedöms
    Så är BE-LSS-02 uppfylld för "avbrottet i daglig verksamhet"

  # Varje kvartal: ett beslut som fortfarande inte verkställts ska finnas i varje kvartalsrapport
  # tills det verkställs eller upphör (16 kap. 6 f § SoL (2001:453), 34 kap. 1 § SoL (2025:400),
  # 28 f § LSS: nämnden ska rapportera alla beslut som inte verkställts inom tre månader, en gång per
  # kvartal). Ett senare kvartal bedöms först när kvartalet därefter är slut, och med den lag som
  # gällde vid kvartalets slut. Att beslutet fortfarande gällde vid kvartalets slut måste synas i
  # underlaget (det verkställdes, återupptogs eller upphörde senare, eller rapporterades för ett
  # senare kvartal); annars går det inte att bedöma.

  Scenariomall: Ett beslut som verkställdes först senare saknas i de senare kvartalsrapporterna
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30
    Och beslutet verkställdes 2026-05-04
    När reglerna bedöms
    Så är BE-SOL-01 uppfylld för "kontaktfamilj"
    Och är BE-SOL-03 <utfall> för "kontaktfamilj" för kvartalet som slutade <kvartal>

    Exempel:
      | kvartal    | utfall          |
      | 2025-12-31 | en överträdelse |
      | 2026-03-31 | en överträdelse |

  Scenario: Efter verkställigheten finns ingen rapporteringsplikt
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30
    Och beslutet verkställdes 2026-05-04
    När reglerna bedöms
    Så bedöms BE-SOL-03 inte för "kontaktfamilj" för kvartalet som slutade 2026-06-30

  Scenariomall: Varje kvartal bedöms med lagen vid kvartalets slut
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2024-12-02
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-03-31
    Och beslutet verkställdes 2025-11-03
    När reglerna bedöms
    Så rapporteras överträdelse av BE-SOL-03 för "kontaktfamilj" för kvartalet som slutade <kvartal> med lagrum "<lagrum>"

    Exempel:
      | kvartal    | lagrum                                      |
      | 2025-06-30 | 16 kap. 6 f § socialtjänstlagen (2001:453)  |
      | 2025-09-30 | 34 kap. 1 § socialtjänstlagen (2025:400)    |

  Scenario: Rapporterat varje kvartal; det senaste kvartalets rapport är ännu inte sen
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och beslutet rapporterades till IVO för kvartalen som slutade 2025-09-30, 2025-12-31, 2026-03-31, 2026-06-30
    När reglerna bedöms
    Så är BE-SOL-03 uppfylld för "kontaktfamilj" för kvartalet som slutade 2026-06-30
    Och är BE-SOL-03 inte tillämplig för "kontaktfamilj" för kvartalet som slutade 2026-09-30

  Scenario: Underlaget visar inte att beslutet fortfarande gällde
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30
    När reglerna bedöms
    Så är BE-SOL-03 inte bedömbar för "kontaktfamilj" för kvartalet som slutade 2025-12-31

  Scenariomall: Det som visar att beslutet fortfarande gällde vid kvartalets slut
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL 2025-05-12
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30
    Och <händelse>
    När reglerna bedöms
    Så är BE-SOL-03 <utfall> för "kontaktfamilj" för kvartalet som slutade 2025-12-31

    Exempel:
      | händelse                                                             | utfall          |
      | beslutet upphörde utan att ha verkställts 2026-02-16                 | en överträdelse |
      | beslutet upphörde utan att ha verkställts 2025-12-31                 | inte tillämplig |
      | beslutet rapporterades till IVO för kvartalet som slutade 2026-06-30 | en överträdelse |
      | beslutet verkställdes 2025-12-31                                     | inte tillämplig |
      | beslutet verkställdes 2026-01-01                                     | en överträdelse |

  Scenario: Avbrott som fortfarande inte återupptagits saknas i nästa kvartalsrapport
    Givet nämnden beslutade om "hemtjänst" enligt SoL 2024-09-02
    Och beslutet verkställdes 2024-10-01
    Och verkställigheten avbröts 2025-06-16 och återupptogs 2026-02-02
    Och beslutet rapporterades till IVO för kvartalet som slutade 2025-09-30
    När reglerna bedöms
    Så är BE-SOL-02 uppfylld för "avbrottet i hemtjänst"
    Och rapporteras överträdelse av BE-SOL-04 för "avbrottet i hemtjänst" för kvartalet som slutade 2025-12-31 med lagrum "34 kap. 1 § socialtjänstlagen (2025:400)"
    Och bedöms BE-SOL-04 inte för "avbrottet i hemtjänst" för kvartalet som slutade 2026-03-31

  Scenario: LSS-beslut som saknas i en senare kvartalsrapport
    Givet nämnden beslutade om "bostad med särskild service" enligt LSS 2025-10-06
    Och beslutet rapporterades till IVO för kvartalet som slutade 2026-03-31
    Och beslutet verkställdes 2026-08-17
    När reglerna bedöms
    Så är BE-LSS-01 uppfylld för "bostad med särskild service"
    Och rapporteras överträdelse av BE-LSS-03 för "bostad med särskild service" för kvartalet som slutade 2026-06-30 med lagrum "28 f § lagen (1993:387)"
    Och är BE-SOL-03 inte tillämplig för "bostad med särskild service" för kvartalet som slutade 2026-06-30

  Scenario: Avbruten LSS-insats som saknas i nästa kvartalsrapport
    Givet nämnden beslutade om "daglig verksamhet" enligt LSS 2023-03-01
    Och beslutet verkställdes 2023-04-03
    Och verkställigheten avbröts 2025-11-03 och återupptogs 2026-07-06
    Och beslutet rapporterades till IVO för kvartalet som slutade 2026-03-31
    När reglerna bedöms
    Så rapporteras överträdelse av BE-LSS-04 för "avbrottet i daglig verksamhet" för kvartalet som slutade 2026-06-30 med lagrum "28 f § lagen (1993:387)"

  Scenariomall: Tremånadersfristen runt lagbytet: kvartalet då överskridandet syns väljer lagen
    Givet nämnden beslutade om "kontaktfamilj" enligt SoL <beslutsdag>
    När reglerna bedöms
    Så rapporteras överträdelse av BE-SOL-01 för "kontaktfamilj" med lagrum "<lagrum>"

    Exempel:
      | beslutsdag | lagrum                                      |
      | 2025-03-29 | 16 kap. 6 f § socialtjänstlagen (2001:453)  |
      | 2025-03-30 | 34 kap. 1 § socialtjänstlagen (2025:400)    |
