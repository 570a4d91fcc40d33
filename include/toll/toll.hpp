#pragma once
// toll: casualty-estimate reconciliation. This header is the vocabulary — every value type and
// the figure parser — and stays cheap to include (benchmarks/compile_time.sh measures it).
// The heavier parts are included on their own, so a user pays only for what they use:
//   <toll/parse/field_parser.hpp>   claims from infobox cells and news sentences
//   <toll/reconcile/reconcile.hpp>      reconciliation under a policy; <toll/reconcile/timeline.hpp>, <toll/reconcile/sums.hpp>
//   <toll/reconcile/bulk.hpp>           the compact path for millions of claims
//   <toll/io/claims_csv.hpp>, <toll/io/events_csv.hpp>, <toll/io/json.hpp>, <toll/io/value_json.hpp>   I/O

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/parse/figure_parser.hpp>
#include <toll/group.hpp>
#include <toll/interval.hpp>
#include <toll/parse/parse_result.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>
