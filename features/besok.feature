# language: sv
Egenskap: Underlag inför besök på en verksamhet
  Inför ett besök behöver inspektören veta vad underlaget visar är fel, vad som bör utredas och
  vad som måste begäras in eller frågas om på plats, eftersom underlaget inte kan visa det. Varje
  krav som inte kunde bedömas blir en konkret begäran. Den som förekommer i uppgifterna om
  verksamheten eller dess huvudman, till exempel som anställd, är jävig (förvaltningslagen
  (2017:900) 16 §) och ska kunna se det innan besöket; inspektörens personnummer skrivs aldrig ut.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och ett HVB "Granen" som tar emot barn

  Scenario: En inspektör som är anställd vid hemmet är jävig
    Givet att "Eva" med personnumret 19810724-2383 anställdes 2024-01-08
    När underlaget inför besöket tas fram för inspektören med personnumret 19810724-2383
    Så flaggas jäv med grunden "anställning vid Granen 2024-01-08–"
    Och står personnumret 19810724-2383 ingenstans i underlaget, inte ens med personnummer visade

  Scenario: En inspektör som inte förekommer i uppgifterna flaggas inte
    Givet att "Eva" med personnumret 19810724-2383 anställdes 2024-01-08
    När underlaget inför besöket tas fram för inspektören med personnumret 19871214-2390
    Så flaggas inget jäv

  Scenario: En inspektör som var styrelseledamot hos huvudmannen är jävig
    Givet att "Olof" med personnumret 19871214-2390 var styrelseledamot hos huvudmannen från 2019-05-01 till 2023-12-31
    När underlaget inför besöket tas fram för inspektören med personnumret 19871214-2390
    Så flaggas jäv med grunden "styrelseledamot hos huvudmannen Huvudmannen AB 2019-05-01–2023-12-31"

  Scenario: Ett utdrag utan uppgift om när det visades upp blir en begäran
    Givet att "Roger" anställdes 2025-05-19
    Och "Roger" fick ett utdrag enligt lag 2007:171 ur belastningsregistret och misstankeregistret, utfärdat 2025-04-01, utan uppgift om när det visades upp
    När underlaget inför besöket tas fram
    Så ska inspektören fråga "vilken dag registerutdraget visades upp för arbetsgivaren" för "Roger"
    Och har varje bedömning som inte kunde göras en begäran

  Scenario: En assistent som kanske är förälder till barnet blir en fråga till anordnaren
    Givet en assistansanordnare enligt LSS "Stjärnan" som tar emot barn
    Och att "Knut" anställdes 2026-01-12
    När underlaget inför besöket tas fram
    Så ska inspektören fråga "vilket barn assistenten arbetar åt och om assistenten är förälder till det barnet" för "Knut"
    Och har varje bedömning som inte kunde göras en begäran
