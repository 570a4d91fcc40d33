# Tests of `toll import`, `toll export` and `toll reconcile --from` on the GED and ACLED samples
# (tests/data/datasets/), included from CMakeLists.txt beside the other command tests.
set(ged tests/data/datasets/ged-mali.csv)
set(acled tests/data/datasets/acled-mali.csv)

toll_command_test(import.ged ARGS "import|ged|${ged}" EXPECTED tests/import-ged-mali.csv STDERR "^$")
toll_command_test(import.acled_stdin ARGS "import|acled|-|-o|-" INPUT ../../${acled} EXPECTED tests/import-acled-mali.csv STDERR "^$")
# GED -> claims -> GED: the export gives back each row's low, best and high (compared in full).
toll_command_test(export.ged ARGS "export|ged|${ged}|--from|ged" EXPECTED tests/export-ged-mali.csv STDERR "^$")
toll_command_test(export.ged_stdin ARGS "export|ged|-" INPUT tests/import-ged-mali.csv
  STDOUT "\nged-488101,,,,,,,JNIM,,0,0,20,0,12,20,20,ged-488101-a;ged-488101-civilians;ged-488101-total;ged-488101-unknown\n")
toll_command_test(export.acled ARGS "export|acled|${acled}|--from|acled" EXPECTED tests/export-acled-mali.csv
  STDERR "^not written: injured \\(civilians\\) in acled-MLI27512: the rows count deaths only\n")
# The row's own best (20) is the best: a range's stated best is the figure it gives (rules.hpp).
toll_command_test(reconcile.from_ged ARGS "reconcile|${ged}|--from|ged"
  STDOUT "JNIM - Civilians at Kani-Bonzon village · ged-488101 · Kani-Bonzon village, Bankass cercle, Mopti region, Mali · 2023-02-23\n  category[^\n]*\n  killed    all +12    20    20 +\\[12, 20\\]  consistent\n      ged-488101-total +12–20 \\(best 20\\)")
toll_command_test(reconcile.from_acled_csv ARGS "reconcile|-|--from|acled|--format|csv" INPUT ../../${acled}
  STDOUT "\nacled-MLI27512,Violence against civilians \\(Attack\\) at Kani Bonzon,killed,civilians,,20,")
toll_command_test(import.help ARGS "import|--help" STDERR "^$")
toll_command_test(export.help ARGS "export|--help" STDERR "^$")

toll_command_test(import.no_dataset ARGS "import" STATUS 2 STDERR "no dataset given")
toll_command_test(import.unknown_dataset ARGS "import|gde|${ged}" STATUS 2 STDERR "unknown dataset \"gde\" \\(expected ged or acled\\)")
toll_command_test(import.no_file ARGS "import|ged" STATUS 2 STDERR "no file given")
toll_command_test(import.both_stdout ARGS "import|ged|${ged}|--events-out|-" STATUS 2 STDERR "cannot both go to stdout")
toll_command_test(export.unknown_from ARGS "export|ged|${ged}|--from|csv" STATUS 2 STDERR "unknown dataset \"csv\"")
toll_command_test(reconcile.unknown_from ARGS "reconcile|${ged}|--from|ucdp" STATUS 2 STDERR "unknown dataset \"ucdp\"")
toll_command_test(import.missing_file ARGS "import|ged|no-such-ged.csv" STATUS 1 STDERR "no-such-ged.csv: no such file")
toll_command_test(import.bad_rows ARGS "import|ged|${fixtures}/bad-ged.csv" STATUS 1
  STDERR "bad-ged.csv:3:41 \\(deaths_a\\): \"3.5\" is not a count: digits only, at most 10\\^12 \\[bad_figure\\]\n[^\n]*bad-ged.csv:5:45 \\(best\\): \"99\" lies outside low 21 and high 21 \\[bad_figure\\]\ntoll import: 2 errors in ")
toll_command_test(reconcile.from_bad_rows ARGS "reconcile|${fixtures}/bad-ged.csv|--from|ged" STATUS 1 STDOUT "^$"
  STDERR "bad-ged.csv:3:41 \\(deaths_a\\)")
if(EXISTS /dev/full)
  toll_command_test(full.import ARGS "import|ged|${ged}" STATUS 3 OUTPUT /dev/full
    STDERR "stdout: cannot be written: no space left on device\n$")
  toll_command_test(full.import_file ARGS "import|acled|${acled}|-o|/dev/full" STATUS 3
    STDERR "^toll import: /dev/full: cannot be written: no space left on device\n$")
  toll_command_test(full.export ARGS "export|ged|${ged}|--from|ged" STATUS 3 OUTPUT /dev/full
    STDERR "stdout: cannot be written: no space left on device\n$")
endif()

# GED, ACLED and toll's own claims together: the rows about the seed events meet in their events.
set(with "--with|ged:${ged}|--with|acled:${acled}")
toll_command_test(reconcile.with_datasets ARGS "reconcile|${claims}|--events|${events}|${with}"
  STDOUT "\nKani Bonzon massacre · kani-bonzon-2023 · [^\n]*\n  category[^\n]*\n  killed      all [^\n]*\n      ged-488101-total .*\n  killed      civilians [^\n]*\n      acled-MLI27512-fatalities .*\nEvent matching: 26 matches, 32 near-misses, 18 dataset events kept as their own\n  ged-488101 -> kani-bonzon-2023: matched \\(0 days apart, same locality\\)\n.*  ged-488102 -> kani-bonzon-2023: near-miss \\(2 days apart \\(window 1\\), places differ\\)\n")
toll_command_test(reconcile.with_mapping ARGS "reconcile|${claims}|--events|${events}|--with|ged:${ged}|--mapping|${fixtures}/ged-mapping.csv"
  STDOUT "\n  ged-488102 -> kani-bonzon-2023: matched \\(mapped by tools/toll/tests/ged-mapping.csv:2\\)\n")
toll_command_test(reconcile.with_csv ARGS "reconcile|${claims}|--events|${events}|--with|acled:${acled}|--format|csv"
  STDOUT "\nkani-bonzon-2023,Kani Bonzon massacre,killed,civilians,"
  STDERR "^\nEvent matching: [0-9]+ matches")
toll_command_test(reconcile.with_bad ARGS "reconcile|${claims}|--with|ged" STATUS 2 STDERR "--with takes KIND:FILE")
toll_command_test(reconcile.match_days_bad ARGS "reconcile|${claims}|--with|ged:${ged}|--match-days|-1" STATUS 2
  STDERR "--match-days takes a whole number")

# --delimiter: the same exports with ';' between fields read as the comma files do.
toll_command_test(import.ged_semicolon ARGS "import|ged|${fixtures}/ged-mali-semicolon.csv|--delimiter|semicolon"
  EXPECTED tests/import-ged-mali.csv STDERR "^$")
toll_command_test(export.acled_semicolon ARGS "export|acled|${fixtures}/acled-mali-semicolon.csv|--from|acled|--delimiter|semicolon"
  EXPECTED tests/export-acled-mali.csv STDERR "^not written: injured \\(civilians\\) in acled-MLI27512: the rows count deaths only\n")
toll_command_test(reconcile.from_ged_semicolon ARGS "reconcile|${fixtures}/ged-mali-semicolon.csv|--from|ged|--delimiter|semicolon"
  STDOUT "\n  killed    all +12    20    20 +\\[12, 20\\]  consistent\n")
toll_command_test(import.ged_semicolon_unread ARGS "import|ged|${fixtures}/ged-mali-semicolon.csv"
  STATUS 1 STDERR "toll --delimiter ';'")
