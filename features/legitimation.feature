# language: sv
Egenskap: Legitimation, skyddade yrkestitlar, ordination och delegering
  Enligt patientsäkerhetslagen (2010:659) får bara den som har legitimation, eller gör den
  praktiska tjänstgöring som är föreskriven för yrket, använda en av de 22 skyddade yrkestitlarna
  (4 kap. 5 §), och bara legitimerade läkare, tandläkare, barnmorskor, apotekare och receptarier
  får utöva yrket (4 kap. 4 §). Titeln och yrkesutövningen bedöms var för sig. Titeln
  undersköterska får från 2023-07-01 bara användas av den som har bevis om rätt att använda den
  (4 kap. 5 a §). En uppgift får delegeras bara genom
  ett delegeringsbeslut (6 kap. 3 §), och ett receptbelagt läkemedel ges på individuell
  ordination. Prövotid och begränsad förskrivningsrätt är indikatorer som bör utredas.

  Bakgrund:
    Givet bedömningsdagen är 2026-11-20
    Och verksamheten "Klinik Glans" av typen estetisk_klinik som startade 2022-03-01
    Och verksamheten anmäldes till IVO 2022-01-10
    Och "Lina" är verksamhetschef från 2022-03-01

  Scenario: Titeln sjuksköterska utan legitimation
    Givet "Hanna" arbetar som sjukskoterska från 2025-08-04
    När reglerna bedöms
    Så rapporteras överträdelse av PS-01 för "Hanna" med lagrum "4 kap. 5 § patientsäkerhetslagen (2010:659)"
    Och är PS-02 inte tillämplig för "Hanna"

  Scenario: Legitimerad sjuksköterska
    Givet "Sara" har legitimation som sjukskoterska från 2014-06-01
    Och "Sara" arbetar som sjukskoterska från 2022-03-01
    När reglerna bedöms
    Så är PS-01 uppfylld för "Sara"

  Scenario: Under föreskriven praktisk tjänstgöring (AT) får titeln läkare användas
    Givet "Ali" arbetar som lakare från 2026-09-01 under praktisk tjänstgöring
    När reglerna bedöms
    Så är PS-01 inte tillämplig för "Ali"
    Och är PS-02 inte bedömbar för "Ali"

  Scenario: En sjuksköterskestudent på praktik får inte kalla sig sjuksköterska
    Givet "Stina" använder titeln sjukskoterska från 2026-09-01 under praktik
    När reglerna bedöms
    Så rapporteras överträdelse av PS-01 för "Stina" med lagrum "4 kap. 5 § patientsäkerhetslagen (2010:659)"
    Och är PS-02 inte tillämplig för "Stina"

  Scenario: En sjuksköterska som bara använder titeln läkare utövar inte läkaryrket
    Givet "Sara" har legitimation som sjukskoterska från 2014-06-01
    Och "Sara" använder titeln lakare från 2025-03-03
    När reglerna bedöms
    Så rapporteras överträdelse av PS-01 för "Sara" med lagrum "4 kap. 5 § patientsäkerhetslagen (2010:659)"
    Och är PS-02 inte tillämplig för "Sara"

  Scenario: Den som utövar läkaryrket utan legitimation bryter mot ensamrätten även utan titeln
    Givet "Dana" utövar yrket lakare utan titel från 2025-03-03
    När reglerna bedöms
    Så rapporteras överträdelse av PS-02 för "Dana" med lagrum "4 kap. 4 § patientsäkerhetslagen (2010:659)"
    Och är PS-01 inte tillämplig för "Dana"

  Scenario: Ett särskilt förordnande ger rätt att utöva yrket
    Givet "Omar" har särskilt förordnande som lakare från 2026-01-01
    Och "Omar" arbetar som lakare från 2026-02-02
    När reglerna bedöms
    Så är PS-02 inte tillämplig för "Omar"
    Och är PS-01 inte bedömbar för "Omar"

  Scenariomall: Titeln undersköterska kräver bevis från 2023-07-01, med en övergångstid till 2033-06-30
    Givet bedömningsdagen är <dag>
    Och "Ulla" använder titeln underskoterska från 2022-01-10
    Och "Ulla" fick bevis om rätt att använda yrkestiteln undersköterska <bevis>
    När reglerna bedöms
    Så är PS-05 <utfall> för "Ulla"
    Och är PS-01 inte tillämplig för "Ulla"

    Exempel:
      | dag        | bevis      | utfall          |
      | 2023-06-30 | 2023-09-14 | inte tillämplig |
      | 2023-07-01 | 2023-09-14 | inte bedömbar   |
      | 2023-09-14 | 2023-09-14 | uppfylld        |
      | 2033-06-30 | 2033-07-02 | inte bedömbar   |
      | 2033-07-01 | 2033-07-02 | en överträdelse |
      | 2033-07-02 | 2033-07-02 | uppfylld        |

  Scenario: Titeln undersköterska utan bevis efter övergångstiden
    Givet bedömningsdagen är 2034-02-01
    Och "Tove" använder titeln underskoterska från 2024-01-08
    När reglerna bedöms
    Så rapporteras överträdelse av PS-05 för "Tove" med lagrum "4 kap. 5 a § första stycket patientsäkerhetslagen (2010:659)"

  Scenario: Läkare som arbetar vidare efter att legitimationen återkallats
    Givet "Bengt" har legitimation som lakare från 2001-01-01
    Och legitimationen för "Bengt" återkallades 2024-03-01
    Och "Bengt" arbetar som lakare från 2024-09-02
    När reglerna bedöms
    Så rapporteras överträdelse av PS-02 för "Bengt" med lagrum "4 kap. 4 § patientsäkerhetslagen (2010:659)"
    Och rapporteras överträdelse av PS-01 för "Bengt" med lagrum "10 kap. 5 § patientsäkerhetslagen (2010:659)"

  Scenario: Legitimationen blev giltig igen
    Givet "Bengt" har legitimation som lakare från 2001-01-01
    Och legitimationen för "Bengt" återkallades interimistiskt 2024-03-01
    Och legitimationen för "Bengt" blev giltig igen 2024-09-01
    Och "Bengt" arbetar som lakare från 2024-09-02
    När reglerna bedöms
    Så är PS-02 uppfylld för "Bengt"

  Scenariomall: Receptbelagt läkemedel kräver individuell ordination
    Givet "Sara" har legitimation som sjukskoterska från 2014-06-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp        | datum      | patient | ålder | information | samtycke   | läkemedel | ordination   |
      | Sara     | injektion | botulinumtoxin | 2026-02-10 | P-1     | 36    | 2026-02-06  | 2026-02-10 | ja        | <ordination> |
    När reglerna bedöms
    Så är PS-03 <utfall> för "P-1"

    Exempel:
      | ordination         | utfall          |
      | individuell        | uppfylld        |
      | generellt_direktiv | en överträdelse |
      | saknas             | en överträdelse |
      |                    | inte bedömbar   |

  Scenario: Delegering utan och med delegeringsbeslut
    Givet "Sara" har legitimation som sjukskoterska från 2014-06-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp        | datum      | patient | ålder | information | samtycke   | läkemedel | ordination  | delegerad | delegeringsbeslut |
      | Sara     | injektion | botulinumtoxin | 2026-07-06 | P-2     | 47    | 2026-07-02  | 2026-07-06 | ja        | individuell | ja        |                   |
      | Sara     | injektion | botulinumtoxin | 2026-07-20 | P-3     | 43    | 2026-07-16  | 2026-07-20 | ja        | individuell | ja        | 2026-01-05        |
    När reglerna bedöms
    Så rapporteras överträdelse av PS-04 för "P-2" med lagrum "6 kap. 3 § patientsäkerhetslagen (2010:659)"
    Och är PS-04 uppfylld för "P-3"

  Scenario: En sjuksköterska på prövotid som behandlar bör utredas
    Givet "Olof" har legitimation som sjukskoterska från 2012-09-01
    Och legitimationen för "Olof" fick prövotid 2025-02-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp      | datum      | patient | ålder | information | samtycke   |
      | Olof     | injektion | hyaluronsyra | 2026-08-10 | P-4     | 52    | 2026-08-06  | 2026-08-10 |
      | Olof     | injektion | hyaluronsyra | 2024-08-12 | P-5     | 52    | 2024-08-08  | 2024-08-12 |
    När reglerna bedöms
    Så bör PS-IND-01 utredas för "P-4" med lagrum "8 kap. 1 § patientsäkerhetslagen (2010:659)"
    Och är PS-IND-01 uppfylld för "P-5"
    Och finns ingen överträdelse för "P-4"

  Scenario: En läkare med begränsad förskrivningsrätt som ger ett receptbelagt läkemedel bör utredas
    Givet "Karl" har legitimation som lakare från 2008-03-01
    Och legitimationen för "Karl" fick begränsad förskrivningsrätt 2024-10-01
    Och följande behandlingar:
      | utförare | slag      | ingrepp        | datum      | patient | ålder | information | samtycke   | läkemedel | ordination  |
      | Karl     | injektion | botulinumtoxin | 2026-09-07 | P-6     | 40    | 2026-09-03  | 2026-09-07 | ja        | individuell |
    När reglerna bedöms
    Så bör PS-IND-02 utredas för "P-6" med lagrum "8 kap. 10 § patientsäkerhetslagen (2010:659)"
    Och är LE-01 uppfylld för "P-6"
