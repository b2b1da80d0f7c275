# language: sv
Egenskap: Registerkontroll inom LSS-insatser åt barn, lagen (2010:479)
  Den som ger stöd- och serviceinsatser åt barn enligt LSS får inte anställa någon för
  sådana insatser utan att först ha kontrollerat registerutdrag. Från 2026-03-01 (lag 2026:48)
  krävs både belastnings- och misstankeregistret och utdraget får vara högst sex månader
  gammalt; tidigare krävdes bara belastningsregistret och utdraget fick vara ett år gammalt.

  Bakgrund:
    Givet ett korttidshem enligt LSS "Linden" som tar emot barn
    Och bedömningsdagen är 2026-11-20

  Scenario: Anställd utan registerkontroll
    Givet att "Bo" fick ett uppdrag 2025-10-06
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-01 för "Bo" med lagrum "1 § första stycket lagen (2010:479)"

  Scenario: Kontrollerad före starten enligt rätt lag
    Givet att "Bo" anställdes 2025-11-03
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2025-01-07 och uppvisat 2025-02-03
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Bo"

  Scenario: Utdraget visades upp först efter starten
    Givet att "Bo" anställdes 2025-03-03
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2025-03-10 och uppvisat 2025-03-24
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-02 för "Bo" med lagrum "1 § första stycket lagen (2010:479)"

  Scenariomall: Utdrag enligt en annan registerkontrollag med minst samma innehåll godtas
    Givet att "Bo" anställdes 2025-08-18
    Och "Bo" visade upp ett utdrag enligt lag <lag> ur belastningsregistret, utfärdat 2025-07-01 och uppvisat 2025-07-20
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Bo"

    Exempel:
      | lag      |
      | 2010:479 |
      | 2013:852 |
      | 2007:171 |

  Scenario: En före detta volontär som anställs omfattas inte av undantaget för återanställning
    Givet att "Bo" var volontär från 2024-01-08 till 2025-06-30
    Och att "Bo" anställdes 2025-09-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-01 för "Bo" med lagrum "1 § första stycket lagen (2010:479)"

  Scenario: Utdraget visades upp mer än ett år före starten bör utredas
    Givet att "Bo" anställdes 2025-05-05
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2024-03-01 och uppvisat 2024-03-11
    När registerkontrollen bedöms
    Så bör RK-LSS-08 utredas för "Bo"
    Och rapporteras ingen överträdelse för "Bo"

  Scenariomall: Högsta ålder på utdraget när det visas upp ändrades 2026-03-01
    Givet att "Bo" anställdes <start>
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret och misstankeregistret, utfärdat <utfärdat> och uppvisat <uppvisat>
    När registerkontrollen bedöms
    Så är RK-LSS-04 <utfall> för "Bo"

    Exempel:
      | start      | utfärdat   | uppvisat   | utfall          |
      | 2026-02-27 | 2025-06-01 | 2026-02-27 | uppfyllt        |
      | 2026-03-02 | 2025-06-01 | 2026-03-02 | en överträdelse |
      | 2026-03-02 | 2025-09-02 | 2026-03-02 | uppfyllt        |

  Scenariomall: Misstankeregistret krävs från 2026-03-01
    Givet att "Bo" anställdes <start>
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat <utfärdat> och uppvisat <uppvisat>
    När registerkontrollen bedöms
    Så är RK-LSS-06 <utfall> för "Bo"

    Exempel:
      | start      | utfärdat   | uppvisat   | utfall           |
      | 2026-02-27 | 2026-02-01 | 2026-02-10 | inte tillämpligt |
      | 2026-04-06 | 2026-02-16 | 2026-03-02 | en överträdelse  |

  Scenario: Utdraget omfattar inte belastningsregistret
    Givet att "Bo" anställdes 2026-08-03
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur misstankeregistret, utfärdat 2026-07-01 och uppvisat 2026-07-13
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-05 för "Bo" med lagrum "1 § första stycket lagen (2010:479)"

  Scenario: Utdraget sparades inte i två år
    Givet att "Bo" anställdes 2025-01-07
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2024-11-04 och uppvisat 2024-12-02
    Och utdraget gallrades 2025-07-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-07 för "Bo" med lagrum "4 § första stycket lagen (2010:479)"

  Scenario: Återanställning inom ett år kräver ingen ny kontroll
    Givet att "Bo" var anställd från 2024-01-08 till 2024-12-20
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2023-12-01 och uppvisat 2023-12-18
    Och att "Bo" anställdes 2025-11-10
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Bo"
    Och gäller undantaget för återanställning för "Bo"

  Scenario: Volontärer omfattas inte av lagen (2010:479)
    Givet att "Bo" började som volontär 2025-05-05
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Bo"
    Och är RK-LSS-01 inte tillämpligt för "Bo"

  Scenario: En förälder som ger insatser åt sitt eget barn omfattas inte av kravet
    Givet en assistansanordnare enligt LSS "Norrsken" som tar emot barn
    Och att "Ida" anställdes 2026-04-01 för insatser åt sitt eget barn
    När registerkontrollen bedöms
    Så är RK-LSS-01 inte tillämpligt för "Ida"
    Och rapporteras ingen överträdelse för "Ida"

  Scenario: Hos en assistansanordnare avgör uppgiften om föräldraskap om kravet gäller
    Givet en assistansanordnare enligt LSS "Norrsken" som tar emot barn
    Och att "Ida" anställdes 2026-04-01
    När registerkontrollen bedöms
    Så kan RK-LSS-01 inte bedömas för "Ida"
    Och rapporteras ingen överträdelse för "Ida"

  Scenario: En assistent som inte är förälder till barnet ska kontrolleras
    Givet en assistansanordnare enligt LSS "Norrsken" som tar emot barn
    Och att "Ida" anställdes 2026-04-01 för insatser åt ett barn som inte är hennes eller hans
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-01 för "Ida" med lagrum "1 § första stycket lagen (2010:479)"

  Scenario: Ett utdrag från en tidigare anställning räcker inte när ett år eller mer har gått
    Givet bedömningsdagen är 2025-06-01
    Och att "Bo" var anställd från 2022-01-10 till 2023-03-31
    Och "Bo" visade upp ett utdrag enligt lag 2010:479 ur belastningsregistret, utfärdat 2021-12-01 och uppvisat 2021-12-20
    Och att "Bo" anställdes 2024-05-02
    Och "Bo" erbjöds den nya anställningen 2024-04-15
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-LSS-09 för "Bo" med lagrum "1 § första stycket lagen (2010:479)"
    Och bör RK-LSS-08 inte utredas för "Bo"
    Och rapporteras ingen annan överträdelse för "Bo"

  Scenario: En förälder vid ett korttidshem arbetar också med andra barn och kan inte undantas utan vidare
    Givet att "Ida" anställdes 2026-04-01 för insatser åt sitt eget barn
    När registerkontrollen bedöms
    Så kan RK-LSS-01 inte bedömas för "Ida"
    Och rapporteras ingen överträdelse för "Ida"
