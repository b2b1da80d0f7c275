# language: sv
Egenskap: Registerkontroll vid boenden som tar emot barn, lagen (2007:171)
  Ett HVB, stödboende eller skyddat boende som tar emot barn får inte anställa någon,
  eller ta emot någon på uppdrag, praktik eller som volontär, förrän utdrag ur både
  belastningsregistret och misstankeregistret har kontrollerats. Utdraget får vara högst
  sex månader gammalt och ska sparas i två år från starten. Den som inom sex månader
  återanställs hos samma arbetsgivare behöver inte kontrolleras på nytt.

  Bakgrund:
    Givet ett HVB "Solrosen" som tar emot barn
    Och bedömningsdagen är 2026-11-20

  Scenario: Anställd utan någon registerkontroll
    Givet att "Anna" anställdes 2025-09-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-01 för "Anna" med lagrum "1 § första stycket lagen (2007:171)"

  Scenario: Kontrollerad före starten med rätt utdrag
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-08-01 och uppvisat 2025-08-20
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"
    Och är RK-HVB-01 uppfyllt för "Anna"

  Scenario: Kontrollen gjordes först efter att anställningen började
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-09-10 och uppvisat 2025-09-22
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-02 för "Anna" med lagrum "1 § första stycket lagen (2007:171)"
    Och rapporteras ingen annan överträdelse för "Anna"

  Scenario: Utdraget var äldre än sex månader när det visades upp
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-02-01 och uppvisat 2025-09-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-04 för "Anna" med lagrum "1 § fjärde stycket lagen (2007:171)"

  Scenario: Sex månader räknas i kalendermånader, inte i dagar
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-02-28 och uppvisat 2025-08-28
    Och att "Bo" anställdes 2025-09-01
    Och "Bo" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-02-28 och uppvisat 2025-08-29
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"
    Och rapporteras överträdelse av RK-HVB-04 för "Bo" med lagrum "1 § fjärde stycket lagen (2007:171)"

  Scenario: Utdraget är utfärdat enligt fel lag
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2013:852 ur belastningsregistret, utfärdat 2025-06-01 och uppvisat 2025-08-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-03 för "Anna" med lagrum "1 § första stycket lagen (2007:171)"

  Scenario: Utdraget omfattar inte misstankeregistret
    Givet att "Anna" fick ett uppdrag 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret, utfärdat 2025-08-01 och uppvisat 2025-08-10
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-06 för "Anna" med lagrum "1 § andra stycket lagen (2007:171)"

  Scenario: Utdraget omfattar inte belastningsregistret
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur misstankeregistret, utfärdat 2025-08-01 och uppvisat 2025-08-10
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-05 för "Anna" med lagrum "1 § andra stycket lagen (2007:171)"

  Scenario: Två separata utdrag som tillsammans täcker båda registren räcker
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret, utfärdat 2025-08-01 och uppvisat 2025-08-10
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur misstankeregistret, utfärdat 2025-08-01 och uppvisat 2025-08-10
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"

  Scenario: Utdraget sparades inte i två år från starten
    Givet att "Anna" anställdes 2024-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2024-08-01 och uppvisat 2024-08-10
    Och utdraget gallrades 2025-09-01
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-07 för "Anna" med lagrum "3 § lagen (2007:171)"

  Scenario: Ett utdrag som får gallras först i framtiden är ingen överträdelse i dag
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-08-01 och uppvisat 2025-08-10
    Och utdraget gallrades 2027-01-10
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"

  Scenario: Återanställning inom sex månader kräver ingen ny kontroll
    Givet att "Anna" var anställd från 2025-06-01 till 2025-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-05-02 och uppvisat 2025-05-20
    Och att "Anna" anställdes 2025-11-17
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"
    Och gäller undantaget för återanställning för "Anna"

  Scenario: Återanställning efter mer än sex månader utan ny kontroll är en överträdelse
    Givet att "Anna" var anställd från 2024-06-03 till 2024-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2024-05-02 och uppvisat 2024-05-20
    Och att "Anna" anställdes 2025-03-03
    Och "Anna" erbjöds den nya anställningen 2025-03-03
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-09 för "Anna" med lagrum "1 § första stycket lagen (2007:171)"
    Och bör RK-HVB-08 inte utredas för "Anna"

  Scenario: Utdraget visades upp långt före starten är en indikator, inte ett konstaterat brott
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-01-10 och uppvisat 2025-02-01
    När registerkontrollen bedöms
    Så bör RK-HVB-08 utredas för "Anna"
    Och rapporteras ingen överträdelse för "Anna"

  Scenario: Inhyrd personal kontrolleras av boendets huvudman
    Givet att "Anna" hyrdes in från ett bemanningsföretag 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-08-01 och uppvisat 2025-08-20
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"

  Scenario: När bevarandetiden har löpt ut bevisar ett saknat utdrag ingenting
    Givet att "Anna" var anställd från 2019-03-01 till 2020-06-30
    När registerkontrollen bedöms
    Så kan RK-HVB-01 inte bedömas för "Anna"
    Och rapporteras ingen överträdelse för "Anna"

  Scenario: Saknas uppgift om när utdraget visades upp kan kontrollen inte bedömas
    Givet att "Anna" anställdes 2025-05-19
    Och "Anna" fick ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-04-01, utan uppgift om när det visades upp
    När registerkontrollen bedöms
    Så kan RK-HVB-02 inte bedömas för "Anna"
    Och rapporteras ingen överträdelse för "Anna"

  Scenariomall: Lagens omfattning ändrades 2016 och 2024
    Givet ett <boende> "Kajen" som tar emot barn
    Och bedömningsdagen är <bedömningsdag>
    Och att "Anna" <engagemang> <start>
    När registerkontrollen bedöms
    Så är RK-HVB-01 <utfall> för "Anna"

    Exempel:
      | boende         | engagemang           | start      | bedömningsdag | utfall           |
      | stödboende     | anställdes           | 2015-10-01 | 2016-06-01    | inte tillämpligt |
      | stödboende     | anställdes           | 2016-02-01 | 2016-06-01    | en överträdelse  |
      | skyddat boende | anställdes           | 2023-11-06 | 2024-06-30    | inte tillämpligt |
      | skyddat boende | anställdes           | 2024-06-10 | 2024-06-30    | en överträdelse  |
      | HVB            | började som volontär | 2023-09-01 | 2024-06-30    | inte tillämpligt |
      | HVB            | började som volontär | 2024-04-02 | 2024-06-30    | en överträdelse  |

  Scenariomall: Samma krav före och efter den nya socialtjänstlagen, med lagrum i rätt lydelse
    Givet att "Anna" anställdes <start>
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-01 för "Anna" i lydelse enligt SFS <lydelse>

    Exempel:
      | start      | lydelse |
      | 2025-06-30 | 2024:87 |
      | 2025-07-01 | 2025:433 |

  Scenario: Ett HVB som bara tar emot vuxna omfattas inte
    Givet ett HVB "Björken" som inte tar emot barn
    Och att "Anna" anställdes 2025-09-01
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"
    Och är RK-HVB-01 inte tillämpligt för "Anna"

  Scenario: Ett utdrag från en tidigare anställning räcker inte när mer än sex månader har gått
    Givet bedömningsdagen är 2025-06-01
    Och att "Anna" var anställd från 2023-01-10 till 2023-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2022-12-01 och uppvisat 2022-12-20
    Och att "Anna" anställdes 2024-05-02
    Och "Anna" erbjöds den nya anställningen 2024-04-02
    När registerkontrollen bedöms
    Så rapporteras överträdelse av RK-HVB-09 för "Anna" med lagrum "1 § första stycket lagen (2007:171)"
    Och bör RK-HVB-08 inte utredas för "Anna"
    Och rapporteras ingen annan överträdelse för "Anna"

  Scenario: Sex månader räknas till erbjudandet om förnyad anställning, inte till starten
    Givet bedömningsdagen är 2025-06-01
    Och att "Anna" var anställd från 2023-01-10 till 2023-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2022-12-01 och uppvisat 2022-12-20
    Och att "Anna" anställdes 2024-05-02
    Och "Anna" erbjöds den nya anställningen 2024-02-20
    När registerkontrollen bedöms
    Så gäller undantaget för återanställning för "Anna"

  Scenario: Utan uppgift om när den nya anställningen erbjöds kan återanställningen inte bedömas
    Givet bedömningsdagen är 2025-06-01
    Och att "Anna" var anställd från 2023-01-10 till 2023-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2022-12-01 och uppvisat 2022-12-20
    Och att "Anna" anställdes 2024-05-02
    När registerkontrollen bedöms
    Så kan RK-HVB-09 inte bedömas för "Anna"
    Och rapporteras ingen överträdelse för "Anna"

  Scenario: Ett utdrag som visades medan den tidigare anställningen pågick kan ha lämnats inför den nya
    Givet bedömningsdagen är 2025-06-01
    Och att "Anna" var anställd från 2022-01-10 till 2023-10-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2023-10-01 och uppvisat 2023-10-15
    Och att "Anna" anställdes 2024-05-15
    Och "Anna" erbjöds den nya anställningen 2024-05-01
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"

  Scenario: Den som börjar igen efter mer än sex månader och visar ett nytt utdrag är kontrollerad
    Givet bedömningsdagen är 2025-06-01
    Och att "Anna" var anställd från 2023-01-10 till 2023-08-31
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2022-12-01 och uppvisat 2022-12-20
    Och att "Anna" anställdes 2024-05-02
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2024-04-10 och uppvisat 2024-04-20
    När registerkontrollen bedöms
    Så rapporteras ingen överträdelse för "Anna"

  Scenario: Ett utdrag som visades långt före en första anställning är något att utreda, inte en överträdelse
    Givet att "Anna" anställdes 2025-09-01
    Och "Anna" visade upp ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-01-10 och uppvisat 2025-02-01
    När registerkontrollen bedöms
    Så bör RK-HVB-08 utredas för "Anna"
    Och rapporteras ingen överträdelse för "Anna"

  Scenario: Ett stegat namn ger inget falskt "ingen överträdelse"
    Givet att "Anna" anställdes 2025-09-01
    När registerkontrollen bedöms
    Så misslyckas steget "rapporteras ingen överträdelse" för "Ana"
