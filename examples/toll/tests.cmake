# Tests of the `toll` command, run from the source directory so file names in its output are
# stable: its outputs on the Mali data against expected files, and its error paths (exit status
# and a message on stderr, naming file:line:column for bad CSV).

# toll_command_test(<name> ARGS <a|b|c> [STATUS <n>] [STDOUT <regex>] [STDERR <regex>] [EXPECTED <file>]
#                   [INPUT <file>])   EXPECTED and INPUT relative to examples/

function(toll_command_test name)
  cmake_parse_arguments(PARSE_ARGV 1 test "" "ARGS;STATUS;STDOUT;STDERR;EXPECTED;INPUT" "")
  set(check "-DPROGRAM=$<TARGET_FILE:toll-command>" "-DWORKING_DIRECTORY=${PROJECT_SOURCE_DIR}" "-DARGS=${test_ARGS}")
  if(DEFINED test_STATUS)
    list(APPEND check "-DSTATUS=${test_STATUS}")
  endif()
  if(DEFINED test_STDOUT)
    list(APPEND check "-DSTDOUT_MATCHES=${test_STDOUT}")
  endif()
  if(DEFINED test_STDERR)
    list(APPEND check "-DSTDERR_MATCHES=${test_STDERR}")
  endif()
  if(DEFINED test_EXPECTED)
    list(APPEND check "-DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/${test_EXPECTED}")
  endif()
  if(DEFINED test_INPUT)
    list(APPEND check "-DINPUT_FILE=${CMAKE_CURRENT_SOURCE_DIR}/${test_INPUT}")
  endif()
  add_test(NAME command.${name} COMMAND "${CMAKE_COMMAND}" ${check} -P "${toll_check_output}")
endfunction()

set(claims examples/data/mali-claims.csv)
set(events examples/data/mali-events.csv)
set(fixtures examples/toll/tests)

# Outputs on the Mali data.
toll_command_test(reconcile.table ARGS "reconcile|${claims}|--events|${events}" EXPECTED toll/tests/reconcile-mali.txt)
toll_command_test(reconcile.csv ARGS "reconcile|${claims}|--events|${events}|--format|csv" EXPECTED toll/tests/reconcile-mali.csv)
toll_command_test(reconcile.json ARGS "reconcile|${claims}|--events|${events}|--format=json" EXPECTED toll/tests/reconcile-mali.json)
toll_command_test(reconcile.acled ARGS "reconcile|${claims}|--policy|acled|--format|csv" EXPECTED toll/tests/reconcile-mali-acled.csv)
toll_command_test(reconcile.as_of
  ARGS "reconcile|${claims}|--events|${events}|--as-of|2023-02-25|--policy|strict" EXPECTED toll/tests/reconcile-mali-as-of.txt)
toll_command_test(reconcile.csv_as_of ARGS "reconcile|${claims}|--events|${events}|--as-of|2023-02-25|--policy|strict|--format|csv"
  EXPECTED toll/tests/reconcile-mali-as-of.csv)
toll_command_test(timeline.kani_bonzon ARGS "timeline|${claims}|--events|${events}|--event|kani-bonzon-2023"
  EXPECTED toll/tests/timeline-kani-bonzon.txt)
toll_command_test(timeline.civilians
  ARGS "timeline|${claims}|--event|kani-bonzon-2023|--group|civilians|--policy|acled" EXPECTED toll/tests/timeline-kani-bonzon-civilians.txt)
# The plot's drawing is tested with toll/forest_plot.hpp; here, that the command wires it up.
toll_command_test(plot.farabougou ARGS "plot|${claims}|--events|${events}|--event|farabougou-2023|-o|-" STDERR "^$"
  STDOUT "^<\\?xml[^\n]*\n<svg .*<title>Forest plot: 2023 Farabougou attack: killed, all \\(ucdp policy\\)</title>.*</svg>\n$")
# `toll parse` and `toll-parse` share their code: the same lines give the same output.
toll_command_test(parse.lines ARGS "parse" INPUT expected/parse.input EXPECTED expected/parse.txt STDERR "^$")
toll_command_test(parse.figure ARGS "parse|--mode|figure|--category|killed" INPUT toll/tests/figures.input
  EXPECTED toll/tests/parse-figures.txt STDERR "^$")
toll_command_test(help ARGS "--help" STDERR "^$")
toll_command_test(reconcile.help ARGS "reconcile|--help" STDERR "^$")
toll_command_test(timeline.help ARGS "timeline|--help" STDERR "^$")
toll_command_test(parse.help ARGS "parse|--help" STDERR "^$")
toll_command_test(plot.help ARGS "plot|--help" STDERR "^$")

# Bad arguments: exit status 2 and what is wrong.
toll_command_test(no_command ARGS "" STATUS 2 STDERR "usage: toll COMMAND")
toll_command_test(unknown_command ARGS "reconsile" STATUS 2 STDERR "unknown command \"reconsile\"")
toll_command_test(reconcile.no_file ARGS "reconcile" STATUS 2 STDERR "no claims file given")
toll_command_test(reconcile.two_files ARGS "reconcile|${claims}|${claims}" STATUS 2 STDERR "one claims file only")
toll_command_test(reconcile.unknown_option ARGS "reconcile|${claims}|--polciy|acled" STATUS 2 STDERR "unknown option --polciy")
toll_command_test(reconcile.bad_policy ARGS "reconcile|${claims}|--policy|lenient" STATUS 2 STDERR "unknown policy \"lenient\"")
toll_command_test(reconcile.bad_as_of ARGS "reconcile|${claims}|--as-of|2023-02-30" STATUS 2
  STDERR "--as-of \"2023-02-30\" has a day that month does not have")
toll_command_test(reconcile.bad_format ARGS "reconcile|${claims}|--format|xml" STATUS 2 STDERR "unknown format \"xml\"")
toll_command_test(reconcile.no_value ARGS "reconcile|${claims}|--policy" STATUS 2 STDERR "option --policy needs a value")
toll_command_test(reconcile.flag_value ARGS "reconcile|${claims}|--help=yes" STATUS 2 STDERR "does not take a value")
toll_command_test(timeline.no_event ARGS "timeline|${claims}" STATUS 2 STDERR "no event given")
toll_command_test(timeline.bad_group ARGS "timeline|${claims}|--event|moura-2022|--group|soldiers" STATUS 2
  STDERR "unknown group \"soldiers\"")
toll_command_test(timeline.bad_category ARGS "timeline|${claims}|--event|moura-2022|--category|dead" STATUS 2
  STDERR "unknown category \"dead\"")
toll_command_test(parse.bad_mode ARGS "parse|--mode|poem" STATUS 2 STDERR "unknown mode \"poem\"")
toll_command_test(plot.no_output ARGS "plot|${claims}|--event|moura-2022" STATUS 2 STDERR "no output file given")
toll_command_test(plot.bad_scale ARGS "plot|${claims}|--event|moura-2022|-o|-|--scale|cubic" STATUS 2 STDERR "unknown scale \"cubic\"")
toll_command_test(plot.no_claims ARGS "plot|${claims}|--event|moura-2022|--category|missing|-o|-" STATUS 1
  STDERR "no claim about missing \\(all\\) in moura-2022")

# Bad input: exit status 1 and the place of every problem.
toll_command_test(reconcile.missing_file ARGS "reconcile|no-such-claims.csv" STATUS 1 STDERR "no-such-claims.csv: no such file")
toll_command_test(reconcile.directory ARGS "reconcile|examples" STATUS 1 STDERR "examples: is a directory")
toll_command_test(reconcile.missing_events ARGS "reconcile|${claims}|--events|no-such-events.csv" STATUS 1
  STDERR "no-such-events.csv: no such file")
toll_command_test(reconcile.unbalanced_quote ARGS "reconcile|${fixtures}/unbalanced-quote.csv" STATUS 1
  STDERR "unbalanced-quote.csv:2:12 \\(text\\): the quote opened here is never closed[^\n]*\\[unbalanced_quote\\]")
toll_command_test(reconcile.bad_figure ARGS "reconcile|${fixtures}/bad-figure.csv" STATUS 1
  STDERR "bad-figure.csv:3:5 \\(figure\\): \"a lot maybe\" is not a figure[^\n]*\\[bad_figure\\]")
# --format csv streams the file (toll/reconcile_csv.hpp): the same errors, nothing on stdout.
toll_command_test(reconcile.csv_bad_figure ARGS "reconcile|${fixtures}/bad-figure.csv|--format|csv" STATUS 1 STDOUT "^$"
  STDERR "bad-figure.csv:3:5 \\(figure\\): \"a lot maybe\" is not a figure[^\n]*\\[bad_figure\\]\ntoll reconcile: 1 error in ")
toll_command_test(reconcile.csv_unbalanced_quote ARGS "reconcile|${fixtures}/unbalanced-quote.csv|--format|csv" STATUS 1 STDOUT "^$"
  STDERR "unbalanced-quote.csv:2:12 \\(text\\): the quote opened here is never closed[^\n]*\\[unbalanced_quote\\]")
toll_command_test(reconcile.csv_missing_column ARGS "reconcile|${fixtures}/missing-column.csv|--format|csv" STATUS 1 STDOUT "^$"
  STDERR "missing-column.csv:1 \\(source_kind\\): the header has no column \"source_kind\" \\[missing_column\\]")
toll_command_test(reconcile.csv_missing_file ARGS "reconcile|no-such-claims.csv|--format|csv" STATUS 1 STDERR "no-such-claims.csv: no such file")
toll_command_test(reconcile.csv_directory ARGS "reconcile|examples|--format|csv" STATUS 1 STDERR "examples: is a directory")
toll_command_test(reconcile.bad_date ARGS "reconcile|${fixtures}/bad-date.csv" STATUS 1
  STDERR "bad-date.csv:2:11 \\(reported\\): \"2023-02-30\" has a day that month does not have \\[bad_date\\]")
toll_command_test(reconcile.missing_column ARGS "reconcile|${fixtures}/missing-column.csv" STATUS 1
  STDERR "missing-column.csv:1 \\(source_kind\\): the header has no column \"source_kind\" \\[missing_column\\]")
toll_command_test(reconcile.empty_file ARGS "reconcile|${fixtures}/empty.csv" STATUS 1 STDERR "empty.csv[^\n]*\\[empty_file\\]")
toll_command_test(reconcile.unknown_event ARGS "reconcile|${fixtures}/unknown-event.csv|--events|${events}" STATUS 1
  STDERR "unknown-event.csv:3:2 \\(event\\): the event \"nowhere-2023\" is not in examples/data/mali-events.csv")
# With --format csv the rows are written in full (the unknown id shown as itself), then the errors.
toll_command_test(reconcile.csv_unknown_event ARGS "reconcile|${fixtures}/unknown-event.csv|--events|${events}|--format|csv" STATUS 1
  STDOUT "\nkani-bonzon-2023.nowhere-2023,Kani Bonzon massacre \\+ nowhere-2023,killed,all,,20,"
  STDERR "unknown-event.csv:3:2 \\(event\\): the event \"nowhere-2023\" is not in examples/data/mali-events.csv")
toll_command_test(reconcile.bad_events ARGS "reconcile|${claims}|--events|${fixtures}/bad-period-events.csv" STATUS 1
  STDERR "bad-period-events.csv:2:7 \\(period\\): \"2023-13\" has a month outside 01-12 \\[bad_period\\]")
toll_command_test(timeline.unknown_event ARGS "timeline|${claims}|--events|${events}|--event|atlantis-2023" STATUS 1
  STDERR "no event \"atlantis-2023\"")
toll_command_test(timeline.no_claims ARGS "timeline|${claims}|--event|moura-2022|--category|missing" STATUS 1
  STDERR "no claim about missing \\(all\\) in moura-2022")
