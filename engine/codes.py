"""Every RK-* code Regelkoll reports, in one place.

The codes are a promise to the people and scripts that read stderr and the report's `errors`, so each needs one
home: the README's "Error codes" section is rendered from this list (`regelkoll codes`, report/codes_doc.py), and
tests/test_error_codes.py holds the list to the codes the source writes. The places that report a problem still
write its code as a literal, so that each reads on its own.

`when` and `effect` are the README's English texts (Markdown); `betydelse` is the short Swedish meaning, as an
inspector reads it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str  # the codes' common prefix, e.g. "RK-Y"
    title: str
    intro: str = ""


@dataclass(frozen=True)
class Code:
    code: str
    area: str  # an Area's key
    betydelse: str
    when: str
    effect: str
    notice: bool = False  # an upplysning: the data was used as described, so it does not make the run fail


INTRO = """\
Every problem is reported as one line, `file:line:column: CODE: field: message` (stderr, and in the
report's `errors` for `regelkoll check`). **Any** error in a run makes `regelkoll check` end with
exit status 2 (errors win over violations). Codes marked *upplysning* (notice) say how the data was
read and used (a person matched on name, a column not used, two records of one person merged); they
are printed and listed in the report's `notices`, but do not change the exit status.

This section is generated from the registry `engine/codes.py`: `regelkoll codes [--output FILE]`
prints it, and a test keeps the two the same, so edit the registry, not this text. *Betydelse* is
each code's meaning in Swedish, as an inspector reads it.
"""

AREAS = {area.key: area for area in (
    Area("RK-Y", "reading a YAML/JSON file (data sets and rule files)", intro="""\
Effects differ by the kind of file. *File-level* codes: a data-set file is not read (the other
files are); a rule file stops the run. *Part-level* codes: in a data set only the smallest part that
holds the problem is lost (a record is kept as broken, so what depends on it is undetermined; a
problem in a fact kind's list outside any record, or in `kontext`, drops that list or `kontext`;
one at the top level drops the file); in a rule file the whole file is rejected and the run stops
before evaluation (status 2).
"""),
    Area("RK-B", "fact bundle (data set)", intro="""\
These are collected while the data set is read; the run goes on and the report is written, but the
exit status is 2. In a rule's inline example any RK-B code is a rule error: `regelkoll rules lint`
reports it at its place in the rule file, and `regelkoll rules test` fails that example.
"""),
    Area("RK-R", "rule files", intro="""\
Every rule-file error is collected and listed; then the command stops before the data set is read
(status 2). Nothing is evaluated. This holds for `check` and for every `rules` command.
"""),
    Area("RK-K", "sources and adapters (kallor.yaml)", intro="""\
Reported while the sources a data set's `kallor.yaml` names are read (see "Sources and adapters"). A
record that cannot be read is kept as broken, so that what depends on it is undetermined; a source
that cannot say something about a person (an empty HOSP answer, no register-check log) makes the
rules that need it undetermined for that person, never violated.
"""),
    Area("RK-C", "compiling rules"),
    Area("RK-E", "evaluation and the run"),
    Area("RK-D", "decisions file and baseline (`--stallningstaganden`, `--baseline`)", intro="""\
The inspector's decisions file and the earlier report a check is compared with are read before anything
is evaluated. A fault in either stops the command (status 2): a decision read wrong would silence a
finding. What is found about them once the run has ended (an expired or orphaned decision, a baseline
made otherwise) is an *upplysning* in the report's `notices` and on stderr.
"""),
    Area("RK-O", "writing the report (`--output`, stdout)"),
    Area("RK-W", "the web server and its API (`regelkoll serve`)", intro="""\
The pages show these codes in Swedish beside the field they are about; the API answers with a JSON body
`{"errors": [{"code", "file", "line", "column", "field", "message", "hint"}]}`, the same fields as the
command line's, and an HTTP status that says whose fault it is (4xx: the request, 5xx: the server)."""),
    Area("RK-A", "permit applications (`regelkoll ansokan`)", intro="""\
Reported while an application file is read and screened. A fault in one person of the circle of
owners and management, or in the proposed manager, spoils only that part: what depends on it is
reported as not assessable and the rest is screened. A fault anywhere else spoils the application's
own part (its completeness and licence rules are not assessable), but its people are still screened.
Any error gives exit status 2.
"""),
)}

CODES = {entry.code: entry for entry in (
    # RK-Y — reading a YAML/JSON file (data sets and rule files)
    Code("RK-Y001", "RK-Y", "ogiltig YAML: ett syntaxfel, ett otillåtet tecken eller mer än ett dokument i filen",
         when="Invalid YAML: a syntax error, a character that is not allowed, or more than one document (`---`) in "
              "the file",
         effect="File-level: the file is not read; every record read before the fault is kept as broken (a facility "
                "in it is named as not checked)"),
    Code("RK-Y002", "RK-Y", "filen är tom",
         when="The file is empty (no document at all, e.g. only comments)",
         effect="File-level: the file is not read"),
    Code("RK-Y003", "RK-Y", "en nyckel förekommer två gånger i samma mappning",
         when="A key occurs twice in the same mapping",
         effect="Part-level: the record is kept as broken (with its id, even when the id key is the one written "
                "twice)"),
    Code("RK-Y004", "RK-Y", "sammanslagningsnyckeln `<<` stöds inte",
         when="The merge key `<<` is used",
         effect="Part-level"),
    Code("RK-Y005", "RK-Y", "filen är inte UTF-8",
         when="The file is not valid UTF-8 (position of the first bad byte is given)",
         effect="File-level: the file is not read"),
    Code("RK-Y006", "RK-Y", "filen kan inte läsas",
         when="The file cannot be read (stat/open/read fails: access denied, gone, a directory …)",
         effect="File-level: the file is not read"),
    Code("RK-Y007", "RK-Y", "taggen stöds inte, eller värdet passar inte sin tagg",
         when="An unsupported tag (`!!python/…`, `!foo`), or a value that does not fit its explicit tag (`!!int abc`)",
         effect="Part-level: the value is dropped and its part is lost"),
    Code("RK-Y010", "RK-Y", "alias (`*x`) stöds bara i regelfiler, och aldrig som nyckel",
         when="An alias (`*x`) in a data set, or an alias used as a mapping key (data sets and rule files)",
         effect="Part-level"),
    Code("RK-Y011", "RK-Y", "ankare (`&x`) stöds bara i regelfiler",
         when="An anchor (`&x`) in a data set (anchors are allowed only in rule files)",
         effect="Part-level"),
    Code("RK-Y012", "RK-Y", "alias expanderar till för många noder (aliasbomb)",
         when="Rule files only: aliases expand to more than 1,000,000 nodes (alias bomb)",
         effect="File-level: the rule file is not read; the run stops (status 2)"),
    Code("RK-Y013", "RK-Y", "filen är för stor (mer än 50 MiB)",
         when="The file is larger than 50 MiB (checked before and while reading)",
         effect="File-level: the file is not read"),
    Code("RK-Y014", "RK-Y", "ett värde eller en nyckel är för lång (mer än 10 000 tecken)",
         when="A value or a key longer than 10,000 characters",
         effect="Part-level"),
    Code("RK-Y015", "RK-Y", "för djup nästling (mer än 50 nivåer)",
         when="Nesting deeper than 50 levels (part-level, read past), or deeper than libyaml's 1000 levels "
              "(file-level)",
         effect="Part-level, or the file is not read beyond 1000 levels"),
    Code("RK-Y016", "RK-Y", "heltalet har för många siffror (citera värdet om det är en kod)",
         when="An integer with more than 18 digits (quote it if it is a code)",
         effect="Part-level"),
    Code("RK-Y017", "RK-Y", "nyckeln är en lista eller mappning i stället för en enkel text",
         when="A mapping key that is a list or a mapping instead of plain text",
         effect="Part-level (the mapping holding it)"),
    Code("RK-Y018", "RK-Y", "sökvägen är ingen vanlig fil (katalog, enhet, FIFO eller uttag); läses inte",
         when="The path is not a regular file (device, FIFO, socket); it is never opened",
         effect="File-level: the file is not read"),
    Code("RK-Y019", "RK-Y", "aliaset hänvisar till ett ankare som inte finns",
         when="Rule files only: an alias names an anchor that does not exist (or itself)",
         effect="Part-level: the rule file is rejected; the run stops (status 2)"),
    # RK-B — fact bundle (data set)
    Code("RK-B001", "RK-B", "datamängden finns inte",
         when="The data-set path does not exist",
         effect="Nothing is read; the run goes on with no facts (RK-E002 follows)"),
    Code("RK-B002", "RK-B", "datamängden innehåller inga YAML- eller JSON-filer",
         when="The data-set directory holds no `.yaml`, `.yml` or `.json` file",
         effect="Nothing is read; RK-E002 follows"),
    Code("RK-B003", "RK-B", "filen är ingen mappning från faktatyp till en lista",
         when="A file's top level is not a mapping from fact kind to a list",
         effect="The rest of that file is not read"),
    Code("RK-B004", "RK-B", "okänd faktatyp",
         when="Unknown fact kind (top-level key); a close name is suggested",
         effect="That list is not read"),
    Code("RK-B005", "RK-B", "faktatypens värde är ingen lista av poster",
         when="A fact kind's value is not a list of records",
         effect="Kept as one unreadable record of that kind (with its id if it is one mapping): what depends on it "
                "is undetermined"),
    Code("RK-B006", "RK-B", "posten är ingen mappning",
         when="A record is not a mapping",
         effect="Kept as an unreadable record of that kind: what depends on it is undetermined"),
    Code("RK-B007", "RK-B", "faktatypen beräknas av Regelkoll ur andra fakta och kan inte anges",
         when="A derived fact kind is given (`tillstandsperiod`, `legitimationsperiod`, `belaggning`, "
              "`rapportkvartal`)",
         effect="That list is not read (Regelkoll computes these)"),
    Code("RK-B008", "RK-B", "ogiltig post i avsnitten ej_lasbara eller diagnostiker (som regelkoll import skriver)",
         when="An entry of the `ej_lasbara` or `diagnostiker` section of an imported data set is not what "
              "`regelkoll import` writes",
         effect="That entry is not read"),
    Code("RK-B010", "RK-B", "ett fält saknas, är okänt eller har ett ogiltigt värde",
         when="A field fails validation (missing, unknown, wrong type or format, out of range); also for `kontext`",
         effect="The record is kept as broken (the failed fields dropped): what depends on it is undetermined; a bad "
                "`kontext` is not used"),
    Code("RK-B011", "RK-B", "kontext anges två gånger med olika värden",
         when="`kontext` is given twice (in different files) with different values",
         effect="Reported; the one read last is used"),
    Code("RK-B012", "RK-B", "id:t används redan av en annan post av samma faktatyp",
         when="A record's `id` is already used by another record of the same kind",
         effect="The later record is kept as broken; the first is used"),
    Code("RK-B020", "RK-B", "ogiltigt personnummer eller organisationsnummer",
         when="A `personnummer` or `organisationsnummer` cannot be normalised (invalid number)",
         effect="The record is kept as broken: what depends on it is undetermined"),
    Code("RK-B030", "RK-B", "hänvisar till en post som saknas eller är ogiltig",
         when="A record refers to a record that does not exist, or to a person whose record is broken (reported at "
              "the reference)",
         effect="The record is kept as broken without that link: what it may affect is undetermined"),
    Code("RK-B031", "RK-B", "`huvudman` stämmer inte med verksamhetens organisation",
         when="`engagemang.huvudman` is given and differs from the facility's organisation",
         effect="Reported; the computed huvudman replaces it and the record is used", notice=True),
    Code("RK-B032", "RK-B", "två personer har samma personnummer och namn och behandlas som en person",
         when="Two persons have the same personnummer and the same name",
         effect="Reported; the second id is merged into the first (references are redirected)", notice=True),
    Code("RK-B033", "RK-B", "två personer har samma personnummer men olika namn; den andra används inte",
         when="Two persons have the same personnummer but different names",
         effect="The second person is not used (kept as broken); records about it are kept as broken"),
    Code("RK-B034", "RK-B", "klienten har flera placeringar samtidigt på samma boende",
         when="A client has overlapping placements at the same home on one day",
         effect="Reported; the client is counted once in the occupancy", notice=True),
    Code("RK-B060", "RK-B", "en katalog eller fil i datamängden kan inte läsas",
         when="A directory or entry under the data set cannot be read (permissions, I/O error)",
         effect="That path is not read; the run goes on"),
    Code("RK-B061", "RK-B", "en slinga: en katalog som redan har lästs, eller en symbolisk länk i en slinga",
         when="A directory loop (bind mount) or a symbolic link that loops",
         effect="That path is not read"),
    Code("RK-B062", "RK-B", "en symbolisk länk pekar på något som inte finns",
         when="A dangling symbolic link (to something that does not exist)",
         effect="That path is not read"),
    Code("RK-B063", "RK-B", "en symbolisk länk pekar utanför datamängden",
         when="A symbolic link to a file or directory outside the data set",
         effect="That path is not read"),
    Code("RK-B064", "RK-B", "sökvägen är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte",
         when="A FIFO, socket or device, under the data set or given as the data set itself",
         effect="Never opened; that path is not read"),
    Code("RK-B065", "RK-B", "ser ut som en datafil men har en annan filändelse",
         when="A file that looks like data but has another suffix (`org.yaml.bak`, `x.jsonl`)",
         effect="That file is not read"),
    Code("RK-B066", "RK-B", "länk till en fil eller katalog som ändå läses på sin egen plats; läses inte två gånger",
         when="A link to a file that is read anyway, or a link to a directory inside the data set",
         effect="Not read again (the target is read once at its own place); still reported", notice=True),
    Code("RK-B070", "RK-B", "en organisation och en verksamhet har samma id",
         when="An organisation and a facility (verksamhet) have the same id",
         effect="The record read later is kept as broken (a broken facility then gives RK-E001)"),
    # RK-R — rule files
    Code("RK-R001", "RK-R", "okänd nyckel i regelfilen",
         when="An unknown key in a rule file (a close key name is suggested)",
         effect="The file is not used; the run stops (status 2)"),
    Code("RK-R002", "RK-R", "en obligatorisk nyckel saknas",
         when="A required key is missing",
         effect="The file is not used; the run stops (status 2)"),
    Code("RK-R003", "RK-R", "schemafel i regelfilen: fel typ, fel format eller ett otillåtet värde",
         when="Any other schema error: wrong type, bad date or id format, value not allowed, a model check",
         effect="The file is not used; the run stops (status 2)"),
    Code("RK-R010", "RK-R", "regelkatalogen finns inte eller innehåller inga regelfiler",
         when="The rules directory does not exist, or it holds no `*.yaml`/`*.yml` file",
         effect="The run stops (status 2)"),
    Code("RK-R011", "RK-R", "regel-id:t används redan av en annan regel",
         when="A rule id is used twice (across all packs)",
         effect="The run stops (status 2)"),
    Code("RK-R012", "RK-R", "lagrummet hänvisar till en författning som inte finns under `forfattningar`",
         when="A `lagrum` (of a version, of `undantag_lagrum` or of an exemption) cites an act not listed under "
              "`forfattningar`",
         effect="The run stops (status 2)"),
    Code("RK-R020", "RK-R", "`saknas` i `tillamplig_nar`: tillämpligheten kan inte bygga på att något saknas",
         when="A pattern in `tillamplig_nar` uses `saknas`",
         effect="The run stops (status 2)"),
    Code("RK-R021", "RK-R", "ett undantag använder `saknas`; ett undantag måste beskriva något som finns",
         when="An exemption's pattern uses `saknas`",
         effect="The run stops (status 2)"),
    Code("RK-R022", "RK-R", "ett undantag saknar eget lagrum och någon version saknar `undantag_lagrum`",
         when="An exemption has no `lagrum` of its own and some version lacks `undantag_lagrum`",
         effect="The run stops (status 2)"),
    Code("RK-R023", "RK-R", "`avser` är inget alias i `tillamplig_nar`",
         when="The rule's `avser` is not an alias in `tillamplig_nar`",
         effect="The run stops (status 2)"),
    Code("RK-R024", "RK-R", "faktatypen hör inte till någon verksamhet och kan inte vara subjekt",
         when="The subject's fact kind belongs to no facility (cannot be a subject)",
         effect="The run stops (status 2)"),
    Code("RK-R025", "RK-R", "`avgorande_datum` är varken `per_datum` eller ett datumfält i subjektets faktatyp",
         when="`avgorande_datum` is neither `per_datum` nor a date field of the subject's kind",
         effect="The run stops (status 2)"),
    Code("RK-R026", "RK-R", "regeln saknar ett exempel som bryter mot den eller ett som inte gör det",
         when="The rule lacks an example that violates it or one that does not",
         effect="The run stops (status 2)"),
    Code("RK-R027", "RK-R", "`avser` i `overtradelse_dar` eller `bedoms_inte_nar` är inget alias i `tillamplig_nar`",
         when="The `avser` of `overtradelse_dar` or of a `bedoms_inte_nar` is not an alias in `tillamplig_nar`",
         effect="The run stops (status 2)"),
    Code("RK-R028", "RK-R", "`nagon_av` i ett villkor kan inte kombineras med `nagon_av` i subjektets mönster",
         when="`nagon_av` in a condition combined with `nagon_av` in the subject's pattern",
         effect="The run stops (status 2)"),
    Code("RK-R030", "RK-R", "versionerna överlappar eller står i fel ordning",
         when="Versions overlap or are out of order",
         effect="The run stops (status 2)"),
    Code("RK-R031", "RK-R", "en parameter som används i en version saknas i en annan",
         when="A parameter used by some version is missing from another version",
         effect="The run stops (status 2)"),
    Code("RK-R032", "RK-R", "glapp mellan två versioner utan `lucka_fore`",
         when="A gap between two versions without `lucka_fore` giving the reason",
         effect="The run stops (status 2)"),
    Code("RK-R033", "RK-R", "`lucka_fore` på versioner som ligger kant i kant eller på den första versionen",
         when="`lucka_fore` on versions that are adjacent, or on the first version",
         effect="The run stops (status 2)"),
    Code("RK-R034", "RK-R", "ingen version börjar det datum som exemplets `version_fran` anger",
         when="An example's `version_fran` is not the start date of any version",
         effect="The run stops (status 2)"),
    Code("RK-R040", "RK-R", "aliaset är ett reserverat namn",
         when="A pattern alias (`som`) is a reserved name",
         effect="The run stops (status 2)"),
    Code("RK-R041", "RK-R", "aliaset används redan i regeln",
         when="A pattern alias is already used in the rule",
         effect="The run stops (status 2)"),
    Code("RK-R042", "RK-R", "det första mönstret i `tillamplig_nar` kan inte vara `saknas`",
         when="The first pattern of `tillamplig_nar` is `saknas`",
         effect="The run stops (status 2)"),
    Code("RK-R043", "RK-R", "okänd faktatyp i ett mönster",
         when="A pattern names an unknown fact kind",
         effect="The run stops (status 2)"),
    Code("RK-R050", "RK-R", "fältet finns inte i faktatypen",
         when="A test names a field that the fact kind does not have",
         effect="The run stops (status 2)"),
    Code("RK-R051", "RK-R", "`plus` går bara på datumfält",
         when="`plus` on a field that is not a date (in a test or in a field reference)",
         effect="The run stops (status 2)"),
    Code("RK-R052", "RK-R", "`innehaller` och `saknar` går bara på listfält, och listfält jämförs bara med dem",
         when="`innehaller`/`saknar` on a non-list field, or a list field compared with another operator",
         effect="The run stops (status 2)"),
    Code("RK-R053", "RK-R", "värdet är inte tillåtet för listfältet",
         when="`innehaller`/`saknar` with a value not allowed for that list field",
         effect="The run stops (status 2)"),
    Code("RK-R054", "RK-R", "`fore`, `senast`, `efter` och `tidigast` kräver ett datum- eller talfält",
         when="`fore`/`senast`/`efter`/`tidigast` on a field that is neither a date nor a number",
         effect="The run stops (status 2)"),
    Code("RK-R055", "RK-R", "fältet läses inte av regler (använd den härledda faktatypen)",
         when="A test on a structured field that rules cannot read (use the derived kind, e.g. `tillstandsperiod`)",
         effect="The run stops (status 2)"),
    Code("RK-R060", "RK-R", "fältreferensen nämner ett alias som inte har definierats tidigare",
         when="A field reference names an alias that is not defined earlier",
         effect="The run stops (status 2)"),
    Code("RK-R061", "RK-R", "fältreferensen nämner ett alias för något som saknas",
         when="A field reference names a `saknas` alias",
         effect="The run stops (status 2)"),
    Code("RK-R062", "RK-R", "fältreferensen nämner ett fält som inte finns",
         when="A field reference names a field that the referred kind does not have",
         effect="The run stops (status 2)"),
    Code("RK-R063", "RK-R", "fältreferensen har en annan typ än fältet den jämförs med",
         when="A field reference's type differs from the compared field's type",
         effect="The run stops (status 2)"),
    Code("RK-R064", "RK-R", "parametern som villkoret använder saknas i någon version",
         when="A `parameter` is missing from some version",
         effect="The run stops (status 2)"),
    Code("RK-R065", "RK-R", "parametern är ingen tidsperiod (`{manader: 6}`) i någon version",
         when="A parameter used as a period (`plus`) is not a period (`{manader: 6}`) in some version",
         effect="The run stops (status 2)"),
    Code("RK-R066", "RK-R", "värdet passar inte fältets typ",
         when="A literal value does not fit the field's type",
         effect="The run stops (status 2)"),
    Code("RK-R070", "RK-R", "ogiltig meddelandemall",
         when="An invalid message template (a `$` not followed by a name)",
         effect="The run stops (status 2)"),
    Code("RK-R071", "RK-R", "okänt namn i meddelandemallen",
         when="A message template uses an unknown name",
         effect="The run stops (status 2)"),
    Code("RK-R080", "RK-R", "en katalog eller fil under regelkatalogen kan inte läsas",
         when="A directory or entry under the rules directory cannot be read",
         effect="Not read; the run stops (status 2)"),
    Code("RK-R081", "RK-R", "en slinga under regelkatalogen: en katalog som redan har lästs, eller en symbolisk länk "
                            "i en slinga",
         when="A directory loop or a symbolic link that loops, under the rules directory",
         effect="Not read; the run stops (status 2)"),
    Code("RK-R082", "RK-R", "en symbolisk länk under regelkatalogen pekar på något som inte finns",
         when="A dangling symbolic link under the rules directory",
         effect="Not read; the run stops (status 2)"),
    Code("RK-R083", "RK-R", "en symbolisk länk pekar utanför regelkatalogen",
         when="A symbolic link to something outside the rules directory",
         effect="Not read; the run stops (status 2)"),
    Code("RK-R084", "RK-R", "sökvägen under regelkatalogen är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte",
         when="A FIFO, socket or device under the rules directory",
         effect="Never opened; the run stops (status 2)"),
    Code("RK-R085", "RK-R", "ser ut som en regelfil men har en annan filändelse",
         when="A file that looks like a rule pack but has another suffix (`pack.yaml.bak`)",
         effect="Not read; the run stops (status 2)"),
    Code("RK-R086", "RK-R", "länk till en regelfil eller katalog som ändå läses; läses bara en gång",
         when="A link to a rule file that is read anyway, or to a directory inside the rules directory",
         effect="Not read twice; the run still stops (status 2)"),
    Code("RK-R090", "RK-R", "två regelfiler har samma regelpaket-id",
         when="Two rule files declare the same `regelpaket.id`",
         effect="The second file is not used; the run stops (status 2)"),
    Code("RK-R100", "RK-R", "värdet är inget som fältet kan ha enligt faktamodellen (felstavat?)",
         when="A test compares a coded field with a value the fact model does not allow for it (`lika_med`, "
              "`inte_lika_med`, `i`, `inte_i`; `roll: förestandare`); the nearest allowed values are suggested",
         effect="The run stops (status 2): the test could never hold (or always would)"),
    Code("RK-R101", "RK-R", "en parameter som ett kodat fält jämförs med har ett värde som fältet inte kan ha",
         when="A version parameter (`i: {parameter: boendetyper}`) holds a value the compared field does not allow; "
              "the nearest allowed values are suggested",
         effect="The run stops (status 2)"),
    Code("RK-R102", "RK-R", "exemplets `subjekt` är inget id bland exemplets fakta av subjektets typ",
         when="An example's `subjekt` names no fact of the subject's kind among the example's facts",
         effect="The run stops (status 2)"),
    Code("RK-R103", "RK-R", "`--rule` eller `--fran` matchar ingen regel",
         when="`rules test --rule` or `rules new --fran` names no rule (the nearest ids are suggested)",
         effect="Nothing is run or written; status 2"),
    Code("RK-R104", "RK-R", "`--id` har fel form för ett regel-id",
         when="`rules new --id` is not a rule id (capitals, digits and hyphens, e.g. `RK-HVB-08`)",
         effect="Nothing is written; status 2"),
    Code("RK-R105", "RK-R", "filen för utkastet finns redan",
         when="`rules new --output FILE` names a file that exists; a draft never overwrites a file",
         effect="Nothing is written; status 2"),
    # RK-C — compiling rules
    Code("RK-C001", "RK-C", "regeln kan inte kompileras för durable_rules (för många mönster eller jämförelser)",
         when="A valid rule cannot be compiled for durable_rules: more than 16 patterns in a rule, or more than 28 "
              "comparisons with other facts in one pattern",
         effect="`check` and `rules lint` stop before evaluation (status 2); no report is written"),
    # RK-E — evaluation and the run
    Code("RK-E001", "RK-E", "verksamheten eller huvudmannen kunde inte kontrolleras",
         when="A facility could not be checked: its `verksamhet` record (or the organisation that is the unit) is "
              "broken, or evaluation failed (durable_rules refused a fact, a rule action failed, too many facts in a "
              "session, an internal error, or the engine crashed)",
         effect="No findings for that facility; the other facilities are still checked; status 2"),
    Code("RK-E002", "RK-E", "datamängden innehåller ingen verksamhet (och ingen huvudman med företrädare) att "
                            "kontrollera",
         when="The data set holds no facility (and no organisation with representatives) to check",
         effect="The report is written (empty), but the run ends with status 2, never 0"),
    Code("RK-E003", "RK-E", "`--facility` anger ingen verksamhet eller huvudman i datamängden",
         when="`check --facility ID` names an id that is no facility or organisation of the data set (the nearest "
              "ids are suggested)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E004", "RK-E", "`besok --facility` anger ingen verksamhet i datamängden",
         when="`besok --facility ID` names an id that is no facility of the data set (an organisation is not a "
              "facility to visit; the nearest facility ids are suggested)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E005", "RK-E", "`--inspektor` är varken ett giltigt personnummer eller en person i datamängden",
         when="`besok --inspektor` is given a number that is not a valid 12-digit personnummer (the number is "
              "masked in the message), or an id that names no person of the data set",
         effect="Nothing is evaluated; the command stops (status 2). A valid personnummer that is not in the data "
                "is no error: the brief says the inspector does not appear in it"),
    Code("RK-E010", "RK-E", "`--scheduler`: klustrets schemaläggare går inte att nå",
         when="`check --scheduler ADDRESS` names a Dask scheduler that cannot be reached within dask's connect "
              "timeout (`distributed.comm.timeouts.connect`, 30 s unless configured), or an address that is not one; "
              "or the connection to it is lost during the run and not regained",
         effect="The command stops (status 2) without a report"),
    Code("RK-E011", "RK-E", "`--scheduler` kräver tillägget kluster (pip install 'regelkoll[kluster]')",
         when="`check --scheduler` is given but Dask is not installed (the optional extra `regelkoll[kluster]`)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E020", "RK-E", "`--rule` eller `--skip-rule` matchar ingen regel",
         when="`check --rule` or `--skip-rule` names a rule id or glob (`LE-*`) that matches none of the supervision "
              "rules (the nearest ids are suggested)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E021", "RK-E", "`--outcome` anger inget utfall",
         when="`check --outcome` is given a word that is no outcome (English key or Swedish word, e.g. "
              "`overtradelse`, `utreda`, `obedomd`, `uppfyllt`, `ej_tillamplig`; case and diacritics do not matter)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E022", "RK-E", "`--min-severity` anger ingen allvarlighetsgrad",
         when="`check --min-severity` is not `allvarlig`, `betydande` or `mindre`",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E023", "RK-E", "`--fail-on` anger inget utfall som kan väljas",
         when="`check --fail-on` is neither `overtradelse` (`violation`) nor `utreda` (`indication`)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-E024", "RK-E", "urvalet av regler lämnar ingen regel",
         when="`--skip-rule` removes every rule that `--rule` chose",
         effect="Nothing is evaluated; the command stops (status 2): a check of no rules must not pass"),
    Code("RK-E025", "RK-E", "`--quiet` gäller bara textrapporten",
         when="`check --quiet` is given with `--format json`, `jsonl` or `html`",
         effect="Nothing is evaluated; the command stops (status 2)"),
    # RK-D — the decisions file and the baseline (engine/triage/decisions.py, baseline.py, follow_up.py)
    Code("RK-D001", "RK-D", "filen med ställningstaganden kan inte läsas",
         when="The `--stallningstaganden` file does not exist, cannot be read, or is not valid YAML (the RK-Y code "
              "before it says why)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D002", "RK-D", "filen med ställningstaganden har fel form",
         when="The file is not a mapping whose only key is `stallningstaganden`, holding a list",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D003", "RK-D", "ett ställningstagande är ogiltigt",
         when="An entry lacks a field, has an unknown field, an unknown `slag`, a date not written ÅÅÅÅ-MM-DD, or "
              "`giltig_till` before `beslutad` (reported at the field's line)",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D004", "RK-D", "nyckeln i ett ställningstagande är ingen fyndnyckel",
         when="An entry's `nyckel` is not `REGEL/VERKSAMHET/SUBJEKTSLAG/SUBJEKT-ID`",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D005", "RK-D", "två ställningstaganden har samma nyckel",
         when="Two entries of the file name the same finding key",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D010", "RK-D", "ställningstagandet har gått ut",
         when="An entry's `giltig_till` is before the run's as-of day",
         effect="Notice: the decision no longer applies; its finding is shown, and counts, as without one",
         notice=True),
    Code("RK-D011", "RK-D", "ställningstagandet motsvarar inget fynd",
         when="An entry names a key that no finding of the run has as a violation, indication or undetermined "
              "finding, and its rule and unit were checked or exist nowhere (a misspelt rule id or unit, in any "
              "case): remedied since, or a misspelt key",
         effect="Notice: the decision is not used", notice=True),
    Code("RK-D012", "RK-D", "ställningstagandet är fattat efter bedömningsdagen",
         when="An entry's `beslutad` is after the run's as-of day (a run of an earlier day with today's file)",
         effect="Notice: the decision is not used for that day; its finding is shown, and counts, as without one",
         notice=True),
    Code("RK-D020", "RK-D", "baslinjen kan inte läsas",
         when="The `--baseline` file does not exist, cannot be read, is not UTF-8 or not valid JSON",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D021", "RK-D", "baslinjen är ingen rapport från regelkoll check --format json",
         when="The baseline is JSON but not a `check --format json` report (no `run` of regelkoll, no `findings`, a "
              "finding without rule, unit, subject or outcome), or it is a `jsonl` report",
         effect="Nothing is evaluated; the command stops (status 2)"),
    Code("RK-D030", "RK-D", "baslinjen gjordes med andra regler, en annan dag eller andra uppgifter",
         when="The baseline's rules digest, as-of day, data set or facts digest differ from the run's, or the "
              "baseline was a filtered report",
         effect="Notice: the comparison is still made; a finding may be new or resolved because the rules or data "
                "changed", notice=True),
    # RK-O — writing the report (`--output`, stdout)
    Code("RK-O001", "RK-O", "sökvägen för utdata är en katalog, eller varken en vanlig fil, en enhet eller en FIFO",
         when="The output path is a directory, or something other than a regular file, device or FIFO",
         effect="Checked before any work (and again when writing): the command stops (status 2)"),
    Code("RK-O002", "RK-O", "katalogen för utdatafilen finns inte",
         when="The output file's directory does not exist",
         effect="Checked before any work: the command stops (status 2)"),
    Code("RK-O003", "RK-O", "utdatafilen eller dess katalog går inte att skriva till",
         when="The output file is read-only, a device/FIFO is not writable, or its directory is read-only",
         effect="Checked before any work: the command stops (status 2)"),
    Code("RK-O004", "RK-O", "utdatafilen kunde inte skrivas",
         when="Writing the output file failed (temporary file, disk full, fsync, rename; a device or FIFO that fails "
              "or closes)",
         effect="The report is not written and the old file stays as it was; status 2 (reported after the input "
                "errors)"),
    Code("RK-O005", "RK-O", "det gick inte att skriva till standard ut",
         when="Writing to standard output failed (an I/O error, or nothing written)",
         effect="The report may be incomplete; status 2. A closed pipe (`| head`) is not an error: quiet exit 141"),
    # RK-K — sources and adapters (kallor.yaml): the manifest, CSV, XML and values (adapters/manifest.py,
    # delimited.py, xmlsafe.py, values.py) and identity resolution (adapters/resolve.py, sources.py)
    Code("RK-K001", "RK-K", "kallor.yaml är ogiltig: okänd nyckel, okänd adapter eller fel värde",
         when="`kallor.yaml` is not a mapping with `kallor:`, or a source entry has an unknown key, an unknown "
              "adapter or a wrong value (a close name is suggested)",
         effect="That source is not read (the others are)"),
    Code("RK-K002", "RK-K", "källfilen finns inte eller kan inte läsas",
         when="A source file named in `kallor.yaml` does not exist, is not a regular file or cannot be read",
         effect="That source is not read"),
    Code("RK-K003", "RK-K", "källfilen ligger utanför datamängdens katalog",
         when="A source path is absolute or leads (also through a link) outside the data set's directory",
         effect="That source is not read"),
    Code("RK-K004", "RK-K", "samma källfil är namngiven två gånger",
         when="Two entries of `kallor.yaml` name the same file",
         effect="The file is read once, by the first entry"),
    Code("RK-K005", "RK-K", "en CSV- eller XML-fil i datamängden är inte namngiven i kallor.yaml",
         when="A `.csv`, `.tsv` or `.xml` file in the data set is not named in `kallor.yaml` (or there is none)",
         effect="The file is not read"),
    Code("RK-K010", "RK-K", "filen är ingen text i UTF-8 eller Windows-1252",
         when="A CSV file holds bytes that are neither UTF-8 nor Windows-1252, or NUL characters",
         effect="The file is not read"),
    Code("RK-K011", "RK-K", "en CSV-rad har fel antal fält eller kan inte läsas",
         when="A row has more or fewer fields than the header, or the CSV cannot be parsed from a row on",
         effect="That row is kept as broken (what depends on it is undetermined); a parse failure stops the file"),
    Code("RK-K012", "RK-K", "rubrikraden saknar en kolumn som behövs, har en kolumn två gånger eller filen är tom",
         when="A required column is missing (its accepted names are listed), two columns mean the same field, or "
              "the file has no header",
         effect="A missing column or no header: the file is not read; a second column of the same meaning is not "
                "used"),
    Code("RK-K013", "RK-K", "kolumner som inte används",
         when="Columns whose header no synonym (and no `kolumner` entry) names",
         effect="Notice: those columns are not read", notice=True),
    Code("RK-K014", "RK-K", "ogiltigt datum eller värde",
         when="A date that is not ÅÅÅÅ-MM-DD, ÅÅÅÅMMDD or a slashed date, a day not in the calendar, or a "
              "fraction that is not 0–100 %",
         effect="The field is unreadable: the record is kept as broken"),
    Code("RK-K015", "RK-K", "datumet kan vara både DD/MM/ÅÅÅÅ och MM/DD/ÅÅÅÅ",
         when="A slashed date whose order neither the manifest (`datumformat`) nor any value of its column shows",
         effect="The field is unreadable: the record is kept as broken"),
    Code("RK-K016", "RK-K", "ett Excel-serienummer i stället för ett datum",
         when="A five-digit number where a date belongs (an Excel serial; the likely date is named)",
         effect="The field is unreadable: the record is kept as broken"),
    Code("RK-K017", "RK-K", "tiosiffrigt personnummer men källan har inget uttagsdatum",
         when="A ten-digit personnummer in a source without `uttagsdatum`: the century cannot be known",
         effect="The number is not used; the person is matched on name and birth date, if they can be"),
    Code("RK-K018", "RK-K", "ogiltigt personnummer eller samordningsnummer",
         when="A number with a wrong check digit, an impossible date or a wrong shape",
         effect="The number is not used; the person is matched on name and birth date, if they can be"),
    Code("RK-K019", "RK-K", "personnumret ger en ålder som inte går ihop med en anställning (troligen fel århundrade)",
         when="An employee's number makes them younger than 13 or older than 100 on the extract day, e.g. the "
              "export defect that writes century 19 for everyone",
         effect="The number is not used; the person is matched on name only with a birth date from another field"),
    Code("RK-K030", "RK-K", "XML med DOCTYPE eller entitetsdeklaration tillåts inte",
         when="An XML file with a DOCTYPE or an entity declaration (external entities, entity expansion bombs)",
         effect="The file is not read"),
    Code("RK-K031", "RK-K", "XML-filen är inte välformad",
         when="An XML file that is not well-formed (the parser's message and line are given)",
         effect="The file is not read"),
    Code("RK-K032", "RK-K", "XML-filen följer inte sitt schema",
         when="An XML document or element fails the XSD shipped with its adapter (each error with its line)",
         effect="What the schema refuses is not read (the file or the element, as the adapter documents)"),
    Code("RK-K050", "RK-K", "personen matchades på namn och födelsedatum",
         when="A person without a usable personnummer was linked by name (rapidfuzz, with the score) to a person "
              "born the same day whom another source identifies by number",
         effect="Notice: the link is used, and shown in the evidence; a finding resting on it is at most an "
                "indication (\"bör utredas\")", notice=True),
    Code("RK-K051", "RK-K", "namnet kan avse flera personer; ingen koppling görs",
         when="Two or more people born the same day have names near the one given",
         effect="No link is made; the person is treated as unidentified", notice=True),
    Code("RK-K052", "RK-K", "personen kan inte identifieras",
         when="A person without a usable personnummer whom no source identifies (no birth date, or no one similar "
              "born the same day)",
         effect="Notice: the person's legitimation, certificates and register extracts are undetermined",
         notice=True),
    Code("RK-K053", "RK-K", "ingen källa säger något om personens legitimation eller bevis",
         when="A person known only from the sources has no HOSP answer (legitimation, specialist certificate), or "
              "no source on the undersköterska certificate",
         effect="Notice, shown in the undetermined findings it causes: those rules are undetermined for the person",
         notice=True),
    Code("RK-K055", "RK-K", "ett namn innehåller något som ser ut som ett personnummer",
         when="A source's name field holds a number shaped like a personnummer (typed in the wrong column)",
         effect="The name is kept (masked in every output) but never made part of an id"),
    Code("RK-K054", "RK-K", "ingen logg över registerkontroller för arbetsgivaren",
         when="A person known only from the sources works for an organisation whose register-check log is not in "
              "the data set",
         effect="Notice, shown in the undetermined findings it causes: the register-check rules are undetermined "
                "for the person", notice=True),
    # RK-K020–RK-K029 — the staff roster adapters (adapters/personal_csv.py, adapters/personal_paxml.py)
    Code("RK-K020", "RK-K", "anställningsformen saknas eller är okänd",
         when="A roster row (CSV or PAXml `anstform`) has no employment form, or one the adapter does not know "
              "(it is matched exactly after folding, never guessed)",
         effect="That row's engagement is kept as broken: rules that need it are undetermined for the person; the "
                "other rows are read"),
    Code("RK-K021", "RK-K", "anställningsdatum saknas",
         when="A roster row has no start date (`Anställningsdatum` or a synonym, PAXml `anstdatum`)",
         effect="That row's engagement is kept as broken; the other rows are read"),
    Code("RK-K022", "RK-K", "arbetsgivaren finns inte under organisationer i kallor.yaml, eller inhyrd personal utan bemanningsföretag",
         when="A roster row's employer (`Arbetsgivare`, `Bemanningsföretag`) is neither a key of the source's "
              "`organisationer` nor the organisationsnummer of an organisation in the data set; or the row's "
              "employment form says hired in (`inhyrd`, `bemanning`) and no employer is given",
         effect="That row's engagement is kept as broken (the employer is not guessed); the other rows are read"),
    Code("RK-K023", "RK-K", "raden hör inte till någon känd verksamhet",
         when="A roster row's unit (`Enhet`, `Arbetsställe`, `Avdelning`) is not a key of the source's `enheter`, "
              "or the source names neither `verksamhet` nor `enheter`",
         effect="That row's engagement is kept as broken; the other rows are read"),
    Code("RK-K024", "RK-K", "raden har varken personnummer eller namn",
         when="A roster row names no person: no personnummer and no name",
         effect="That row's engagement is kept as broken, tied to no person; the other rows are read"),
    Code("RK-K025", "RK-K", "personen är markerad för borttagning (delete) i PAXml-filen",
         when="A PAXml `person` has `delete=\"true\"`",
         effect="Notice: the person is not read as an engagement (the payroll system is told to remove them)", notice=True),
    Code("RK-K026", "RK-K", "okänd PAXml-version",
         when="A PAXml file's `header/version` is not 2.0–2.3",
         effect="Notice: the file is still read as PAXml 2.0 (a version alone never refuses a file)", notice=True),
    Code("RK-K027", "RK-K", "PAXml-filen innehåller ingen personal",
         when="A PAXml file named as a staff roster has no `personal/person`",
         effect="Notice: no staff is read from the file; check that the right export was named in kallor.yaml", notice=True),
    # RK-K — HOSP adapters (hosp_legitimation: GetHospCredentialsForPerson 1.0; hosp_ivo: GetHospPersonForIVO 2.0)
    Code("RK-K033", "RK-K", "HOSP-filen är inget känt svar (varken svarselementet, ett SOAP-kuvert med det eller "
                            "en hospUttag-fil)",
         when="A HOSP source's root element is neither the contract's response element, a SOAP envelope around it, "
              "nor a `hospUttag` batch",
         effect="The file is not read; the legitimation of the people it might have named stays unknown"),
    Code("RK-K034", "RK-K", "personen finns inte i HOSP-svaret (tomt svar); legitimationen kan inte avgöras",
         when="An empty HOSP response for a person asked about (no `personalIdentityNumber`, or no `hospPerson`): the "
              "person is not in the register's disclosure, which is not the same as having no legitimation",
         effect="Notice: the person's legitimation (and, for hosp_ivo, specialist certificates) is unknown, so the "
                "rules that need it are undetermined for them, never violated", notice=True),
    Code("RK-K035", "RK-K", "HOSP-svaret gäller en annan person än den som efterfrågades",
         when="The number in the response differs from the one the file name or the batch's `svar personnummer` says "
              "was asked about",
         effect="The response is not used; the legitimation of the person asked about is unknown (never attributed "
                "to the wrong person)"),
    Code("RK-K036", "RK-K", "HOSP-svaret säger inte vilken dag det gäller",
         when="A GetHospCredentialsForPerson response (which has no dates) with neither a batch `lastUpdate` nor an "
              "`uttagsdatum` in kallor.yaml",
         effect="The person's legitimation is unknown: the data speaks for no day"),
    Code("RK-K037", "RK-K", "okänd kod för legitimerat yrke eller behörighetsbegränsning i HOSP-svaret",
         when="A licence code not in adapters/data/hosp_legitimerade_yrken.csv (OID 1.2.752.116.3.1.3) or a "
              "restriction code not in hosp_behorighetsbegransningar.csv (OID 1.2.752.116.3.1.5)",
         effect="Notice: that legitimation is unknown (rules needing it are undetermined); the rest is read", notice=True),
    Code("RK-K038", "RK-K", "specialistbevis som inte kan dateras eller inte namnger specialiteten",
         when="A specialist certificate without a date (GetHospCredentialsForPerson never has one; a missing or bad "
              "`specialistbevisDatum`) or given only as a code without `displayName`",
         effect="Notice: the certificate is kept as unknown, so the rules on specialist certificates are undetermined "
                "for the person, never violated", notice=True),
    Code("RK-K039", "RK-K", "HOSP anger att personen är fingerad (testperson)",
         when="`feignedPerson` is true in a GetHospCredentialsForPerson response",
         effect="Notice: the response is read as usual; it concerns no real person", notice=True),
    Code("RK-K040", "RK-K", "det går inte att säga vem HOSP-svaret gäller",
         when="An empty response without a queried number, a `personalIdentityNumber` whose `root` is neither "
              "personnummer nor samordningsnummer or whose number cannot be read, or a person without id and name",
         effect="That response (or person) is not used"),
    Code("RK-K041", "RK-K", "legitimationens status kan inte dateras ur HOSP-svaret",
         when="A GetHospCredentialsForPerson licence revoked (restriction 001), which that contract never dates; or a "
              "GetHospPersonForIVO legitimation without a readable `legitimationsDatum`, `giltigLegitimation` or "
              "restriction `fromDatum`, with `tomDatum` before `fromDatum`, marked not valid without a dated "
              "revocation (001), or marked valid despite an open revocation; or a person without a birth date",
         effect="That legitimation is unknown (no date is invented); rules needing it are undetermined"),
    Code("RK-K042", "RK-K", "behörighetsbegränsning för ett yrke som svaret inte anger legitimation för",
         when="A GetHospCredentialsForPerson `restrictions` entry whose licence code has no "
              "`healthCareProfessionalLicence` in the same response",
         effect="Notice: the legitimation for that code is unknown", notice=True),
    Code("RK-K043", "RK-K", "lastUpdate i hospUttag är ingen tidpunkt",
         when="The batch's `lastUpdate` attribute is not an ISO date-time",
         effect="The manifest's `uttagsdatum` is used instead; without it the snapshot speaks for no day (RK-K036)"),
    Code("RK-K044", "RK-K", "personen har skyddad identitet; legitimationen kan inte avgöras ur HOSP-svaret",
         when="A GetHospPersonForIVO `hospPerson` with `skyddadIdentitet` true and no legitimation listed (HOSP then "
              "returns only id and birth date)",
         effect="Notice: the person is named by number and birth date only; their legitimation and specialist "
                "certificates are unknown", notice=True),
    # RK-K060–RK-K069 — adapters/bolagsverket.py (Bolagsverket's officers, JSON and CSV)
    Code("RK-K060", "RK-K", "filen eller en del av den är inget svar från Bolagsverkets Företagsinformation",
         when="A Bolagsverket file is not an array of organisations (nor the VDM envelope), or an organisation, its "
              "`funktionarer` list is of the wrong shape",
         effect="That part is not read; the officer list of a known organisation is kept as broken, so the rules on "
                "its representatives are undetermined"),
    Code("RK-K061", "RK-K", "organisationsnumret saknas, är ogiltigt eller finns inte i datamängden",
         when="An organisation (JSON) or row (CSV) has no, an invalid or an unknown organisationsnummer (not under "
              "`organisationer` in kallor.yaml nor in an organisation's YAML file)",
         effect="Its officers are attached to no company; their roles are kept as broken (undetermined), never "
                "attached to another organisation"),
    Code("RK-K062", "RK-K", "en funktionär eller rad kan inte läsas",
         when="An officer is not an object, has neither name nor identity, has no role list, or a CSV row cannot be "
              "read",
         effect="The officer's role is kept as broken: the organisation's representative rules are undetermined"),
    Code("RK-K063", "RK-K", "roller utanför IVO:s krets av företrädare (revisor, prokurist …) läses inte",
         when="A file holds roles outside IVO's circle (REV, PO, DELG, LI …); counted once per file",
         effect="Notice: no representative is made of them; the rest is read", notice=True),
    Code("RK-K064", "RK-K", "roller i IVO:s krets som faktamodellen saknar värde för (vice VD, ställföreträdande VD)",
         when="A file holds VVD, EVVD or SVD: representatives in IVO's sense the fact model has no role for yet; "
              "listed once per file",
         effect="Notice: no representative is made of them (they are not counted as VD); check them by hand", notice=True),
    Code("RK-K065", "RK-K", "funktionären är en juridisk person och blir ingen företrädare",
         when="An officer is a legal person (an audit firm, a company on the board) named by `organisationsnamn`",
         effect="Notice: no person and no representative is made of it", notice=True),
    Code("RK-K066", "RK-K", "organisationen har en status hos Bolagsverket (konkurs, likvidation …)",
         when="An organisation's `organisationsstatusar` lists a status; the fact model has no field for it",
         effect="Notice: the status is not judged by any rule; the inspector should see it", notice=True),
    Code("RK-K067", "RK-K", "Bolagsverket-svaret har inget uttagsdatum; rollerna har ingen dag",
         when="A Bolagsverket JSON source has no `uttagsdatum` in kallor.yaml: the answer has no dates of its own",
         effect="The roles are read without `fran` and `uppgift_per`: every rule that needs the day is undetermined"),
    Code("RK-K068", "RK-K", "Bolagsverket lämnade inga funktionärer för organisationen",
         when="The officer list of an organisation is missing, or Bolagsverket marked it unavailable (`fel`)",
         effect="Missing: nothing is read for it. Unavailable: the officer list is kept as broken (undetermined)"),
    Code("RK-K069", "RK-K", "okänd rollkod",
         when="A role code (or klartext) is not in adapters/data/bolagsverket_rollkoder.csv",
         effect="That role is kept as broken: the organisation's representative rules are undetermined"),
    # RK-K070–RK-K079 — adapters/registerkontroll.py (the home's register-check log)
    Code("RK-K070", "RK-K", "loggen över registerkontroller anger ingen organisation i kallor.yaml",
         when="A `registerkontroll` source has no `organisation` in kallor.yaml",
         effect="The file is not read; the extracts of every organisation stay undetermined (RK-K054)"),
    Code("RK-K071", "RK-K", "filen eller posten är ingen logg över registerkontroller",
         when="A YAML log is not a mapping with the list `registerkontroller`, or an entry is not a mapping",
         effect="File: not read, the organisation's extracts stay undetermined. Entry: kept as broken"),
    Code("RK-K072", "RK-K", "raden i loggen kan inte läsas (namn, personnummer eller utfärdandedatum saknas)",
         when="A log row has neither name nor personnummer, no issue date, or cannot be read",
         effect="The row is kept as broken: that person's extracts are undetermined, never missing"),
    Code("RK-K073", "RK-K", "okänd eller saknad utdragstyp",
         when="A log row's `utdragstyp` is none of HVB_2007_171, LSS_2010_479, BARN_2013_852, EGNA_UPPGIFTER, SKOLA, "
              "UTLAND (or their synonyms)",
         effect="The row is kept as broken: that person's extracts are undetermined"),
    Code("RK-K074", "RK-K", "utdraget är inget registerutdrag enligt lagarna 2007:171, 2010:479 eller 2013:852",
         when="A log row records an extract of another kind (EGNA_UPPGIFTER, SKOLA, UTLAND)",
         effect="No extract is made of the row (an extract of the wrong kind is no extract under these laws); the "
                "person is judged on the log's other rows"),
    Code("RK-K075", "RK-K", "okänt register i loggen",
         when="A log row's `register` names something other than belastning(sregistret), misstanke(registret) or "
              "båda",
         effect="The row is kept as broken: that person's extracts are undetermined"),
    Code("RK-K076", "RK-K", "resultat eller eu_kontroll har ett värde som inte kan läsas",
         when="A log row's `resultat` or `eu_kontroll` is not one of the known values",
         effect="Notice: the fact model has no field for them, so the extract is still read; the value should be "
                "corrected", notice=True),
    Code("RK-K077", "RK-K", "rader utan register räknas som de register utdragstypen omfattar enligt lag",
         when="Log rows leave `register` empty; counted once per file",
         effect="Notice: 2007:171 covers both registers, 2010:479 both from 2026-03-01 (only belastningsregistret "
                "before), 2013:852 belastningsregistret", notice=True),
    Code("RK-K078", "RK-K", "okänd nyckel i en post i loggen",
         when="A YAML log entry has a key no synonym names",
         effect="Notice: the key is not read; the rest of the entry is"),
)}


CODES.update({entry.code: entry for entry in (
    # RK-A001–RK-A099 — engine/application (permit application screening)
    Code("RK-A001", "RK-A", "ansökan finns inte eller är ingen fil",
         when="The APPLICATION path of `regelkoll ansokan` does not exist or is not a regular file",
         effect="Nothing is screened; exit status 2"),
    Code("RK-A002", "RK-A", "ansökan kan inte läsas som YAML/JSON; ingenting granskades",
         when="The application file is refused as a whole (an RK-Y code says why)",
         effect="Nothing is screened; exit status 2"),
    Code("RK-A003", "RK-A", "ansökan är ingen mappning (fält: värde)",
         when="The application file's top level is a list or a single value",
         effect="Nothing is screened; exit status 2"),
    Code("RK-A010", "RK-A", "ogiltigt värde eller okänt fält i ansökans egna uppgifter",
         when="A field of the applicant, the activity, the staff plan or the signature fails validation",
         effect="The application's own rules (completeness, licence, ages) are not assessable; its people are "
                "still screened"),
    Code("RK-A011", "RK-A", "en person i kretsen eller föreståndaren kan inte läsas",
         when="A person of `personkrets`, or `forestandare`, fails validation (e.g. neither personnummer nor "
              "birth date, an unknown role)",
         effect="That person's suitability is not assessable; the rest is screened"),
    Code("RK-A012", "RK-A", "ogiltigt personnummer eller organisationsnummer i ansökan",
         when="A personnummer or organisationsnummer has a wrong check digit, date or form",
         effect="The part that holds it is not assessable (one person, the manager or the application)"),
    Code("RK-A013", "RK-A", "okänd verksamhetstyp",
         when="`verksamhet.typ` is not one of the kinds of activity Regelkoll knows (the message lists them; "
              "other kinds, e.g. SoL 26 kap. 1 § p. 3–5 or LSS 9 § 3–5, must be screened by hand)",
         effect="The application's own rules and the circle's suitability are not assessable (the kind decides "
                "whether the circle is assessed at all)"),
    Code("RK-A041", "RK-A", "samma person anges flera gånger i ägar- och ledningskretsen",
         when="Two entries of `personkrets` have the same personnummer (or, without one, the same name and birth "
              "date)",
         effect="Notice: both entries are screened (one person may hold several roles); check that it is not a "
                "mistake for someone missing", notice=True),
    Code("RK-A042", "RK-A", "ansökan inkom efter bedömningsdagen",
         when="The application's `inkom` date is after the assessment day (`--as-of` or the data set's date)",
         effect="Notice: the application is screened as of the assessment day, before it came in; check the "
                "dates", notice=True),
    Code("RK-A030", "RK-A", "person i ansökan matchad på namn och födelsedatum mot underlaget",
         when="A person given without personnummer matched one person of the --data set by name and birth date",
         effect="What rests on the link is marked as resting on a name match; confirm it is the same "
                "person", notice=True),
    Code("RK-A031", "RK-A", "person i ansökan kan vara flera personer i underlaget",
         when="A person given without personnummer matches several people of the --data set equally well",
         effect="No link is made, so nothing in the data is tied to the person", notice=True),
    Code("RK-A040", "RK-A", "granskningen av ansökan misslyckades i regelmotorn",
         when="The engine failed on the application's unit",
         effect="No findings for the application; exit status 2"),
)})


# the web server: choosing data and the access log (engine/web/service.py, datasets.py)
CODES.update({entry.code: entry for entry in (
    Code("RK-W001", "RK-W", "servern skulle lyssna på nätet utan API-nyckel eller inloggning",
         when="`regelkoll serve --host` names an address other than the machine's own without both an API token "
              "(REGELKOLL_API_TOKENS, for the API) and `--user-header` (the pages, behind the organisation's "
              "logging-in proxy)",
         effect="The server does not start; exit status 2"),
    Code("RK-W004", "RK-W", "sidan nåddes inte genom inloggningen",
         when="With `--user-header`, a page was asked for without the header the logging-in proxy sets",
         effect="Nothing is shown; HTTP 401"),
    Code("RK-W002", "RK-W", "servern kan inte lyssna på adressen och porten",
         when="`regelkoll serve --host/--port` names a port another program already listens on, or an address "
              "this machine does not have",
         effect="The server does not start; exit status 2"),
    Code("RK-W003", "RK-W", "serverns katalog för datamängder eller uppladdningar kan inte användas",
         when="`regelkoll serve --data` is not a folder, or `--uploads` is not a folder that can be made and "
              "written to",
         effect="The server does not start; exit status 2"),
    Code("RK-W010", "RK-W", "datamängden finns inte på servern",
         when="A page or request names a data set that is not one of those offered (folders and files under "
              "`--data`, and uploaded data sets); a path is never accepted",
         effect="Nothing is checked; HTTP 404 with the nearest name"),
    Code("RK-W020", "RK-W", "omaskerade personnummer begärdes utan angivet ändamål",
         when="Unmasked personal identity numbers were asked for without a stated purpose (e.g. the case's "
              "diary number), which the access log records",
         effect="Nothing is shown; HTTP 422"),
    Code("RK-W500", "RK-W", "internt fel i servern",
         when="A request failed in a way the server did not foresee (a defect)",
         effect="HTTP 500 with this code; the traceback is in the server's log, never in the answer, and the "
                "server goes on serving"),
)})

# the web server: storage (engine/web/storage/)
CODES.update({entry.code: entry for entry in (
    Code("RK-W030", "RK-W", "databasen kan inte nås",
         when="The database of `--database` (or REGELKOLL_DATABASE_URL) refuses the connection, does not answer, "
              "does not exist or does not accept the user, at start or during a request; the message names the "
              "URL with its password masked and passes on what the database said",
         effect="At start the server does not start (exit status 2); during a request nothing is shown or "
                "stored, HTTP 503"),
    Code("RK-W031", "RK-W", "databasens tabeller kan inte skapas eller uppdateras",
         when="The database refuses the schema's creation or update at start (e.g. the user may not create tables)",
         effect="The server does not start; the update is rolled back whole, so the database is as it was"),
    Code("RK-W032", "RK-W", "databasens schema är nyare än denna version av Regelkoll",
         when="The database was updated by a newer Regelkoll, whose schema version this one does not know",
         effect="The server does not start (it would read and write tables it does not know); nothing is changed"),
    Code("RK-W033", "RK-W", "databasadressen kan inte användas",
         when="The database URL cannot be read, names a database other than SQLite or PostgreSQL, or its driver is "
              "not installed",
         effect="The server does not start"),
)})

# the web server: the HTTP API and uploads (engine/web/api_v1.py, uploads.py)
CODES.update({entry.code: entry for entry in (
    Code("RK-W040", "RK-W", "filen är större än servern tar emot",
         when="An upload is larger than `max_upload_bytes` (the body is counted as it arrives)",
         effect="Nothing is kept; HTTP 413"),
    Code("RK-W041", "RK-W", "den uppladdade filen är tom",
         when="An upload has no bytes", effect="Nothing is kept; HTTP 422"),
    Code("RK-W042", "RK-W", "den uppladdade filen är av okänt slag eller kan inte läsas",
         when="A data set upload is neither a zip or tar archive nor a YAML/JSON file, or the archive is broken; "
              "an application upload is not a YAML/JSON file",
         effect="Nothing is kept; HTTP 422"),
    Code("RK-W043", "RK-W", "arkivet innehåller något som inte får packas upp",
         when="An archive member's path is absolute, climbs out with `..`, is hidden, is given twice, or the member "
              "is a link or device rather than a file",
         effect="The whole upload is refused (a data set missing a file would be checked as if it said nothing); "
                "HTTP 422"),
    Code("RK-W044", "RK-W", "arkivet har för många filer eller är för stort uppackat",
         when="An archive has more members than `max_members`, or its files together unpack to more than "
              "`max_unpacked_bytes` (counted as written, whatever the archive's header claims)",
         effect="The whole upload is refused; HTTP 413"),
    Code("RK-W045", "RK-W", "den uppladdade filens namn är ogiltigt",
         when="An upload's file name has path parts (`/`, `\\`), control characters, is hidden (begins with "
              "`.`) or is longer than 200 characters",
         effect="Nothing is kept; HTTP 422"),
    Code("RK-W050", "RK-W", "API-nyckel saknas",
         when="The server has API tokens and a request to `/api/v1` has no `Authorization: Bearer …` header "
              "(the OpenAPI schema and its documentation page need none)",
         effect="Nothing is done; HTTP 401 with `WWW-Authenticate: Bearer`"),
    Code("RK-W051", "RK-W", "okänd API-nyckel",
         when="The bearer token a request sends is none of the server's API tokens",
         effect="Nothing is done; HTTP 401 with `WWW-Authenticate: Bearer error=\"invalid_token\"`"),
    Code("RK-W052", "RK-W", "regeln finns inte",
         when="`/api/v1/regler/{id}` names no rule of the server's rule book",
         effect="HTTP 404 with the nearest rule ids"),
    Code("RK-W053", "RK-W", "inget ställningstagande med nyckeln",
         when="A decision to delete (`DELETE /api/v1/stallningstaganden/{nyckel}`) is not stored",
         effect="Nothing is deleted; HTTP 404"),
    Code("RK-W060", "RK-W", "ogiltigt värde eller okänt fält i begäran",
         when="A request's JSON body, form fields, query or path parameters fail validation (a wrong type, a "
              "missing field, an option the endpoint does not know); `field` is the path to the value",
         effect="Nothing is done; HTTP 422"),
    Code("RK-W061", "RK-W", "adressen finns inte i API:t",
         when="A request to `/api/…` names no endpoint", effect="HTTP 404"),
    Code("RK-W062", "RK-W", "metoden går inte att använda på adressen",
         when="An endpoint of `/api/v1` is called with a method it does not take (e.g. DELETE on /regler)",
         effect="HTTP 405 with `Allow`"),
    Code("RK-W063", "RK-W", "begäran kan inte läsas",
         when="A request's body cannot be parsed at all (e.g. a broken multipart body, on a page or in the API), "
              "or a server on a loopback address is asked under another host name than its own (`Host`: DNS "
              "rebinding by another web site)",
         effect="Nothing is done; HTTP 400"),
)})

# the web server: pages and forms (engine/web/pages.py, csrf.py)
CODES.update({entry.code: entry for entry in (
    Code("RK-W070", "RK-W", "formuläret saknar giltig formulärnyckel",
         when="A form was posted without the token the page gave it, with a token that does not belong to the "
              "browser's cookie, or from another web site (cross-site request forgery protection)",
         effect="Nothing is done; HTTP 403. Open the page again and send the form from there"),
    Code("RK-W071", "RK-W", "sidan finns inte",
         when="A page address names nothing the server has",
         effect="HTTP 404 with a page that links to the menu"),
    Code("RK-W072", "RK-W", "regeln finns inte i regelkatalogen",
         when="`/regler/ID` names no rule of the server's rule book",
         effect="HTTP 404 with the nearest rule id"),
    Code("RK-W073", "RK-W", "ett fält i formuläret har ett ogiltigt värde",
         when="A form field holds a value the page does not take: a filter that names no kind, severity or rule "
              "of the data, a number that is not a whole number, a file that was not chosen",
         effect="Nothing is done; the form is shown again with the message at the field (HTTP 422)"),
)})


def is_notice(code: str) -> bool:
    """An upplysning: reported, but the data was used as described, so the run does not fail on it."""
    entry = CODES.get(code)
    return entry is not None and entry.notice
