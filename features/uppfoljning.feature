# language: sv
Egenskap: Uppföljning mellan besök: urval, ställningstaganden och baslinje
  En inspektör väljer vilka regler och fynd en kontroll visar, skriver ner sina ställningstaganden
  till fynd i en egen fil (stallningstaganden.yaml, skild från datamängdens beslut, som är
  kommunens beslut om insatser) och jämför med förra kontrollens rapport. Ett fynd känns igen på
  sin nyckel REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID. Demodatamängden bedöms per 2026-11-20.

  Scenario: Ett fynd med ett gällande ställningstagande fäller inte körningen
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-01"
    Och ställningstagandet "atgardad" om "LE-01/klinik-glans/behandling/b-klinik-glans-05" som gäller till 2027-03-31
    Och ställningstagandet "godtagen_risk" om "LE-01/klinik-glans/behandling/b-klinik-glans-06" som gäller till 2027-03-31
    Och ställningstagandet "felaktiga_uppgifter" om "LE-01/klinik-glans/behandling/b-klinik-glans-22" som gäller till 2027-03-31
    När kontrollen körs
    Så visas fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-05" med ställningstagandet "åtgärdad"
    Och är slutstatusen 0
    Och räknas 3 överträdelser i körningen men 0 utan ställningstagande

  Scenario: Utan ställningstaganden fäller samma fynd körningen
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-01"
    När kontrollen körs
    Så är slutstatusen 1

  Scenariomall: Ett ställningstagande gäller till och med sitt sista giltighetsdatum
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-01"
    Och ställningstagandet "atgardad" om "LE-01/klinik-glans/behandling/b-klinik-glans-05" som gäller till <giltig_till>
    När kontrollen körs
    Så <visas> fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-05" med ställningstagande
    Och <upplysning> upplysningen RK-D010

    Exempel:
      | giltig_till | visas       | upplysning |
      | 2026-11-20  | visas       | ges inte   |
      | 2026-11-19  | visas inte  | ges        |

  Scenario: Ett ställningstagande om ett fynd som inte finns rapporteras
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-01"
    Och ställningstagandet "atgardad" om "LE-01/klinik-glans/behandling/b-klinik-glans-99" som gäller till 2027-03-31
    När kontrollen körs
    Så ges upplysningen RK-D011
    Och är slutstatusen 1

  Scenario: Ett ställningstagande om en regel som inte kontrollerades är inte föräldralöst
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-02"
    Och ställningstagandet "atgardad" om "LE-01/klinik-glans/behandling/b-klinik-glans-05" som gäller till 2027-03-31
    När kontrollen körs
    Så ges inte upplysningen RK-D011

  Scenario: Nya, oförändrade och åtgärdade fynd mot förra rapporten
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-*"
    Och förra rapporten, där fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-22" saknades och "LE-01/klinik-glans/behandling/b-klinik-glans-01" var en överträdelse
    När kontrollen körs
    Så är fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-22" nytt
    Och är fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-05" oförändrat
    Och är fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-01" åtgärdat sedan förra rapporten
    Och ges inte upplysningen RK-D030

  Scenario: En baslinje från en annan bedömningsdag fungerar, men rapporten säger det
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-*"
    Och förra rapporten gjordes per 2026-05-01
    När kontrollen körs
    Så ges upplysningen RK-D030
    Och är fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-05" oförändrat

  Scenario: En regel som inte kontrolleras nu har inga åtgärdade fynd
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-*"
    Och förra rapporten, där fyndet "LE-01/klinik-glans/behandling/b-klinik-glans-22" saknades och "LE-01/klinik-glans/behandling/b-klinik-glans-01" var en överträdelse
    Och reglerna "LE-01" hoppas över
    När kontrollen körs
    Så är inget fynd åtgärdat sedan förra rapporten

  Scenario: Reglerna väljs med id och mönster
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-*"
    Och reglerna "LE-01" hoppas över
    När kontrollen körs
    Så kontrollerades regler som börjar på "LE-" men inte "LE-01"
    Och visar rapporten att den inte är fullständig

  Scenario: Allvarlighet väljer vad som visas, inte vad som bedöms
    Givet kontrollen gäller verksamheten "klinik-glans" och bara reglerna "LE-*"
    Och bara fynd av allvarlighet "allvarlig" och högre visas
    När kontrollen körs
    Så visas bara fynd av allvarlighet "allvarlig"
    Och är antalet bedömda fynd detsamma som utan urval

  Scenariomall: Slutstatus vid fynd som bör utredas
    Givet kontrollen gäller verksamheten "fh-hassel"
    Och <val>
    När kontrollen körs
    Så är slutstatusen <status>

    Exempel:
      | val                                 | status |
      | slutstatusen bestäms som standard   | 0      |
      | körningen fälls av "utreda"         | 1      |
      | körningen fälls av "violation"      | 0      |
