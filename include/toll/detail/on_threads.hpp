#pragma once
// Running one piece of work on several threads at once, for the streaming CSV path's phases
// (toll/io/reconcile_csv.hpp): a machine that will not start a thread still gets the work done.

#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace toll::detail {

/// Calls f(t) for t in [0, threads), each on a thread of its own (t = 0 on this one, and any
/// that cannot be started here too); rethrows the first exception once all are done.
template <class F>
void on_threads(std::size_t threads, F&& f)
{
    std::vector<std::exception_ptr> failure(threads);
    const auto run = [&](std::size_t t) {
        try {
            f(t);
        } catch (...) {
            failure[t] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> workers;
        for (std::size_t t = 1; t < threads; ++t) {
            try {
                workers.emplace_back(run, t);
            } catch (const std::system_error&) {
                run(t);  // no thread to be had: run it here
            }
        }
        run(0);
    }
    for (const std::exception_ptr& e : failure) {
        if (e) std::rethrow_exception(e);
    }
}

}  // namespace toll::detail
