#pragma once
// The line of each claim's id cell in the streaming CSV path (toll/io/reconcile_csv.hpp), kept
// for the duplicate-id errors, which name the lines of both rows. A claim's line is nearly
// always the line after the previous claim's, so only the claims where that breaks are stored
// (after a blank line, a line break inside a quoted value, a row that was an error): a file of
// ten million one-line rows holds one entry instead of 40 MB of line numbers, memory that would
// be touched fresh during reading. At worst (every row breaks the rule) it holds 8 bytes a
// claim, twice what a line per claim would.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace toll::detail::bulk_csv {

class claim_lines {
public:
    /// The next claim's line. Claims are numbered in 32 bits (bulk::max_claims) and lines are
    /// kept in 32 bits, a larger one as the largest.
    void add(std::size_t line)
    {
        line = std::min<std::size_t>(line, max_line);
        if (count_ == 0 || line != last_ + 1) runs_.push_back({static_cast<std::uint32_t>(count_), static_cast<std::uint32_t>(line)});
        last_ = line;
        ++count_;
    }

    /// Takes `later`'s claims after these, their lines moved down by `line_offset`.
    void append(const claim_lines& later, std::size_t line_offset)
    {
        for (const run& r : later.runs_) {
            const std::size_t line = std::min<std::size_t>(r.line + line_offset, max_line);
            if (r.first == 0 && count_ != 0 && line == last_ + 1) continue;  // goes on from these
            runs_.push_back({static_cast<std::uint32_t>(r.first + count_), static_cast<std::uint32_t>(line)});
        }
        if (later.count_ != 0) last_ = std::min<std::size_t>(later.last_ + line_offset, max_line);
        count_ += later.count_;
    }

    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    /// How many stretches of consecutive lines are stored.
    [[nodiscard]] std::size_t runs() const noexcept { return runs_.size(); }

    /// Claim `claim`'s line (claim < size()).
    [[nodiscard]] std::size_t operator[](std::size_t claim) const
    {
        if (claim >= count_) throw std::out_of_range("toll::claims_csv_reconciler: no such claim line");
        const auto after = std::upper_bound(runs_.begin(), runs_.end(), claim, [](std::size_t c, const run& r) { return c < r.first; });
        const run& r = *(after - 1);  // runs_.front().first is 0
        return std::min<std::size_t>(std::size_t{r.line} + (claim - r.first), max_line);
    }

private:
    // Claims from `first` on are on consecutive lines from `line`, up to the next run's first.
    struct run {
        std::uint32_t first = 0;
        std::uint32_t line = 0;
    };
    static constexpr std::size_t max_line = std::numeric_limits<std::uint32_t>::max();
    std::vector<run> runs_;
    std::size_t count_ = 0;
    std::size_t last_ = 0;  // the last claim's line
};

}  // namespace toll::detail::bulk_csv
