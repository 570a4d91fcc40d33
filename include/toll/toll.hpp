#pragma once
// toll: casualty-estimate reconciliation. This umbrella header brings in every public header.

#include <toll/category.hpp>
#include <toll/claim.hpp>
#include <toll/event.hpp>
#include <toll/figure.hpp>
#include <toll/group.hpp>
#include <toll/interval.hpp>
#include <toll/source.hpp>
#include <toll/vague_words.hpp>
