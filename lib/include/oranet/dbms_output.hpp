// DBMS_OUTPUT: what PL/SQL blocks print with DBMS_OUTPUT.PUT_LINE, read
// back on the same connection (as SQL*Plus SET SERVEROUTPUT ON does).
//
//   oranet::dbms_output::enable(conn);
//   cur.execute("begin dbms_output.put_line('hello'); end;");
//   for (const auto& line : oranet::dbms_output::read_lines(conn)) std::cout << line << '\n';
#pragma once

#include <oranet/error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oranet {

class connection;

namespace dbms_output {

// DBMS_OUTPUT.ENABLE(buffer_size): nullopt is an unlimited buffer.
void enable(connection& conn, std::optional<std::uint32_t> buffer_size = std::nullopt);
void disable(connection& conn);
// The lines printed so far (and not read yet), with DBMS_OUTPUT.GET_LINES
// in batches of `batch` lines per round trip. A NULL line reads as "".
[[nodiscard]] std::vector<std::string> read_lines(connection& conn, std::uint32_t batch = 100);

}  // namespace dbms_output
}  // namespace oranet
