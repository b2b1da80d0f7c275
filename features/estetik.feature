# language: sv
Egenskap: Estetiska injektioner och estetisk kirurgi
  Enligt lagen (2021:363) får bara legitimerade läkare, tandläkare och sjuksköterskor ge
  estetiska injektioner, och bara legitimerade läkare och tandläkare med bevis om
  specialistkompetens i en adekvat specialitet göra estetiska kirurgiska ingrepp. Ingen under
  18 år får behandlas. Information ska ges och dokumenteras, och betänketiden (minst två dagar
  för injektioner, minst sju för kirurgi, ingen för en likadan injektion inom sex månader) ska
  ha löpt ut före samtycke och behandling. Kliniken ska ha en verksamhetschef, föra journal och
  vara anmäld till IVO minst en månad före start. Injektioner som förordningen (2021:367) 2 §
  undantar, som tatuering, omfattas inte av lagen.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och verksamheten "Klinik Glans" av typen estetisk_klinik som startade 2022-03-01
    Och verksamheten anmäldes till IVO 2022-01-10
    Och "Lina" är verksamhetschef från 2022-03-01
    Och "Sara" har legitimation som sjukskoterska från 2014-06-01
    Och "Lina" har legitimation som lakare från 2006-05-01
    Och "Lina" har bevis om specialistkompetens i plastikkirurgi

  Scenario: Injektion av en legitimerad sjuksköterska med allt dokumenterat
    Givet följande behandlingar:
      | utförare | slag      | ingrepp        | datum      | patient | ålder | information | samtycke   | läkemedel | ordination |
      | Sara     | injektion | botulinumtoxin | 2025-03-10 | P-1     | 34    | 2025-03-07  | 2025-03-10 | ja        | individuell |
    När reglerna bedöms
    Så finns ingen överträdelse för "P-1"

  Scenario: En sjuksköterska vars legitimation återkallades mellan två behandlingar
    Givet "Nora" har legitimation som sjukskoterska från 2016-01-15
    Och legitimationen för "Nora" återkallades 2025-06-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   |
      | Nora     | injektion | hyaluronsyra | 2025-04-10 | P-2     | 41    | 2025-04-07  | 2025-04-10 |
      | Nora     | injektion | hyaluronsyra | 2025-08-12 | P-3     | 38    | 2025-08-09  | 2025-08-12 |
    När reglerna bedöms
    Så är LE-01 uppfylld för "P-2"
    Och rapporteras överträdelse av LE-01 för "P-3" med lagrum "8 § andra stycket lagen (2021:363)"

  Scenariomall: Vem som får injicera
    Givet "Eva" har legitimation som <yrke> från 2015-06-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   |
      | Eva      | injektion | hyaluronsyra | 2025-05-12 | P-4     | 34    | 2025-05-09  | 2025-05-12 |
    När reglerna bedöms
    Så är LE-01 <utfall> för "P-4"

    Exempel:
      | yrke          | utfall          |
      | sjukskoterska | uppfylld        |
      | tandlakare    | uppfylld        |
      | lakare        | uppfylld        |
      | tandhygienist | en överträdelse |
      | barnmorska    | en överträdelse |

  Scenario: Kirurgi av någon som inte är läkare eller tandläkare
    Givet följande behandlingar:
      | utförare | slag    | ingrepp  | datum      | patient | ålder | information | samtycke   |
      | Sara     | kirurgi | trådlyft | 2025-11-20 | P-5     | 48    | 2025-11-10  | 2025-11-20 |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-02 för "P-5" med lagrum "8 § första stycket lagen (2021:363)"

  Scenario: Kirurgi av en allmänläkare utan specialistbevis i en adekvat specialitet
    Givet "Erik" har legitimation som lakare från 2009-11-01
    Och "Erik" har bevis om specialistkompetens i allmanmedicin
    Och följande behandlingar:
      | utförare | slag    | ingrepp          | datum      | patient | ålder | information | samtycke   |
      | Erik     | kirurgi | ögonlocksplastik | 2025-11-03 | P-6     | 58    | 2025-10-20  | 2025-11-03 |
      | Lina     | kirurgi | bukplastik       | 2026-02-16 | P-7     | 51    | 2026-02-08  | 2026-02-16 |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-03 för "P-6" med lagrum "8 § första stycket lagen (2021:363)"
    Och är LE-03 uppfylld för "P-7"
    Och är LE-02 uppfylld för "P-6"

  Scenariomall: Ingen under 18 år får behandlas
    Givet följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder   | information | samtycke   |
      | Sara     | injektion | hyaluronsyra | 2025-12-01 | P-8     | <ålder> | 2025-11-28  | 2025-12-01 |
    När reglerna bedöms
    Så är LE-04 <utfall> för "P-8"

    Exempel:
      | ålder | utfall          |
      | 17    | en överträdelse |
      | 18    | uppfylld        |

  Scenariomall: Betänketiden för injektioner är minst två dagar; den dag den löper ut avgörs av klockslag som saknas
    Givet följande behandlingar:
      | utförare | slag      | ingrepp        | datum       | patient | ålder | information | samtycke    | upprepning   |
      | Sara     | injektion | botulinumtoxin | <behandlad> | P-9     | 34    | 2025-05-12  | <behandlad> | <upprepning> |
    När reglerna bedöms
    Så är LE-05 <utfall> för "P-9"
    Och är LE-07 <utfall> för "P-9"

    Exempel:
      | behandlad  | upprepning | utfall          |
      | 2025-05-13 | nej        | en överträdelse |
      | 2025-05-14 | nej        | inte bedömbar   |
      | 2025-05-15 | nej        | uppfylld        |
      | 2025-05-12 | ja         | inte bedömbar   |

  Scenariomall: En upprepad likadan injektion bedöms från den tidigare behandlingen i underlaget
    Givet följande behandlingar:
      | utförare | slag      | ingrepp        | datum      | patient | ålder | information | samtycke   | upprepning   |
      | Sara     | injektion | <tidigare>     | 2024-11-30 | P-21    | 34    | 2024-11-25  | 2024-11-30 | nej          |
      | Sara     | injektion | botulinumtoxin | <datum>    | P-21    | 34    | <datum>     | <datum>    | <upprepning> |
    När reglerna bedöms
    Så är LE-05 <utfall> för behandlingen av "P-21" den <datum>

    Exempel:
      | tidigare       | datum      | upprepning | utfall          |
      | botulinumtoxin | 2025-05-30 | nej        | inte tillämplig |
      | botulinumtoxin | 2025-05-30 | ja         | inte tillämplig |
      | botulinumtoxin | 2025-05-31 | nej        | en överträdelse |
      | botulinumtoxin | 2025-05-31 | ja         | inte bedömbar   |
      | hyaluronsyra   | 2025-05-30 | ja         | inte bedömbar   |

  Scenariomall: Betänketiden för kirurgi är minst sju dagar, och samtycke får lämnas först efter den
    Givet följande behandlingar:
      | utförare | slag    | ingrepp     | datum       | patient | ålder | information | samtycke   |
      | Lina     | kirurgi | fettsugning | <behandlad> | P-10    | 45    | 2026-01-13  | <samtycke> |
    När reglerna bedöms
    Så är LE-06 <ingrepp> för "P-10"
    Och är LE-08 <samtycket> för "P-10"

    Exempel:
      | behandlad  | samtycke   | ingrepp         | samtycket       |
      | 2026-01-19 | 2026-01-19 | en överträdelse | en överträdelse |
      | 2026-01-21 | 2026-01-16 | uppfylld        | en överträdelse |
      | 2026-01-20 | 2026-01-20 | inte bedömbar   | inte bedömbar   |
      | 2026-01-21 | 2026-01-21 | uppfylld        | uppfylld        |

  Scenario: Samtycke till en injektion innan betänketiden löpt ut
    Givet följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   |
      | Sara     | injektion | hyaluronsyra | 2025-09-17 | P-11    | 29    | 2025-09-14  | 2025-09-15 |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-07 för "P-11" med lagrum "12 § lagen (2021:363)"
    Och är LE-05 uppfylld för "P-11"

  Scenario: Ingen information eller inget samtycke dokumenterat
    Givet följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   |
      | Sara     | injektion | hyaluronsyra | 2026-03-05 | P-12    | 31    |             | 2026-03-05 |
      | Sara     | injektion | hyaluronsyra | 2026-05-04 | P-13    | 39    | 2026-04-30  |            |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-10 för "P-12" med lagrum "10 § lagen (2021:363)"
    Och rapporteras överträdelse av LE-09 för "P-13" med lagrum "12 § lagen (2021:363)"

  Scenario: Informationen saknar punkter som förordningen kräver
    Givet följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   | informationen saknar         |
      | Sara     | injektion | hyaluronsyra | 2026-04-01 | P-14    | 44    | 2026-03-27  | 2026-04-01 | kostnad, registrerad_hos_ivo |
      | Sara     | injektion | hyaluronsyra | 2026-04-02 | P-15    | 44    | 2026-03-27  | 2026-04-02 |                              |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-11 för "P-14" med lagrum "4 § förordningen (2021:367)"
    Och är LE-11 uppfylld för "P-15"

  Scenario: Ingen patientjournal för en behandlad patient
    Givet följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   | journal |
      | Sara     | injektion | hyaluronsyra | 2026-06-08 | P-16    | 33    | 2026-06-04  | 2026-06-08 | nej     |
    När reglerna bedöms
    Så rapporteras överträdelse av LE-13 för "P-16" med lagrum "3 kap. 1 § patientdatalagen (2008:355)"

  Scenariomall: Injektioner som förordningen undantar från lagen bedöms inte
    Givet följande behandlingar:
      | utförare | slag      | ingrepp   | datum      | patient | ålder | information | samtycke   | teknik   | injicerat   |
      | Tove     | injektion | <ingrepp> | 2026-03-10 | P-20    | 30    | 2026-03-06  | 2026-03-10 | <teknik> | <injicerat> |
    När reglerna bedöms
    Så är LE-01 <utfall> för "P-20"
    Och är LE-13 <utfall2> för "P-20"

    Exempel:
      | ingrepp          | teknik | injicerat      | utfall          | utfall2         |
      | permanent makeup | ytlig  | tatueringsfarg | inte tillämplig | inte tillämplig |
      | tatuering        | nal    | tatueringsfarg | inte tillämplig | inte tillämplig |
      | mesoterapi       | ytlig  | annat          | inte tillämplig | inte tillämplig |
      | hyaluronpenna    | nalfri | fyllnadsmedel  | inte tillämplig | inte tillämplig |
      | botulinumtoxin   | nalfri | lakemedel      | en överträdelse | uppfylld        |
      | skinbooster      | ytlig  | fyllnadsmedel  | en överträdelse | uppfylld        |
      | PRP              | ytlig  | blod           | en överträdelse | uppfylld        |
      | vitaminer        | nal    | annat          | en överträdelse | uppfylld        |
      | okänt            |        | annat          | inte bedömbar   | inte bedömbar   |

  Scenario: Klinik utan verksamhetschef som anmäldes för sent till IVO
    Givet verksamheten "Klinik Lyster" av typen estetisk_klinik som startade 2025-10-01
    Och verksamheten anmäldes till IVO 2025-09-20
    När reglerna bedöms
    Så rapporteras överträdelse av LE-12 för "Klinik Lyster" med lagrum "7 § lagen (2021:363)"
    Och rapporteras överträdelse av LE-14 för "Klinik Lyster" med lagrum "2 kap. 1 § patientsäkerhetslagen (2010:659)"
    Och är LE-12 uppfylld för "Klinik Glans"
    Och är LE-14 uppfylld för "Klinik Glans"

  Scenariomall: Anmälan till IVO, före och efter lag 2025:1302
    Givet verksamheten "Klinik Lyster" av typen estetisk_klinik som startade <start>
    Och verksamheten anmäldes till IVO <anmäld>
    När reglerna bedöms
    Så rapporteras överträdelse av LE-14 för "Klinik Lyster" med lagrum "2 kap. 1 § patientsäkerhetslagen (2010:659)"
    Och har LE-14 för "Klinik Lyster" lydelsen <lydelse>

    Exempel:
      | start      | anmäld     | lydelse   |
      | 2025-10-01 | 2025-09-20 | äldre     |
      | 2026-01-31 | 2026-01-20 | äldre     |
      | 2026-02-01 | 2026-01-20 | 2025:1302 |
      | 2026-02-02 | 2026-01-20 | 2025:1302 |

  Scenariomall: Fristen för anmälan räknas bakåt från starten; en anmälan nästa vardag efter en frist på en fridag kan inte bedömas
    Givet verksamheten "Klinik Lyster" av typen estetisk_klinik som startade <start>
    Och verksamheten anmäldes till IVO <anmäld>
    När reglerna bedöms
    Så är LE-14 <utfall> för "Klinik Lyster"

    Exempel:
      | start      | anmäld     | utfall          |
      | 2026-03-10 | 2026-02-10 | uppfylld        |
      | 2026-03-10 | 2026-02-11 | en överträdelse |
      | 2025-12-01 | 2025-10-31 | uppfylld        |
      | 2025-12-01 | 2025-11-03 | inte bedömbar   |
      | 2025-12-01 | 2025-11-04 | en överträdelse |
      | 2026-01-24 | 2025-12-24 | uppfylld        |
      | 2026-01-24 | 2025-12-29 | inte bedömbar   |
      | 2026-01-24 | 2025-12-30 | en överträdelse |
      | 2025-03-31 | 2025-02-28 | uppfylld        |
