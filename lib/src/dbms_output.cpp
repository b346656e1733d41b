#include <oranet/connection.hpp>
#include <oranet/convert.hpp>
#include <oranet/cursor.hpp>
#include <oranet/dbms_output.hpp>
#include <oranet/variable.hpp>

#include <algorithm>

namespace oranet::dbms_output {

void enable(connection& conn, std::optional<std::uint32_t> buffer_size) {
    cursor cur = conn.cursor();
    cur.execute("begin dbms_output.enable(:size); end;",
                {{"size", buffer_size ? value{number::from_int64(*buffer_size)} : value{null_t{}}}});
}

void disable(connection& conn) {
    cursor cur = conn.cursor();
    cur.execute("begin dbms_output.disable; end;");
}

std::vector<std::string> read_lines(connection& conn, std::uint32_t batch) {
    batch = std::max<std::uint32_t>(batch, 1);
    std::vector<std::string> out;
    cursor cur = conn.cursor();
    for (;;) {
        // A line is at most 32767 bytes (DBMS_OUTPUT's limit).
        variable lines = variable::array(db_type::varchar, batch, {}, bind_direction::out, 32767);
        variable count = variable::in_out(db_type::number, number::from_int64(batch));
        cur.execute("begin dbms_output.get_lines(:lines, :numlines); end;",
                    {{"lines", lines}, {"numlines", count}});
        const auto n = value_as<std::int64_t>(count.get());
        for (std::int64_t i = 0; i < n && static_cast<std::size_t>(i) < lines.elements().size(); ++i) {
            const auto& v = lines.elements()[static_cast<std::size_t>(i)];
            out.push_back(is_null(v) ? std::string() : value_as<std::string>(v));
        }
        if (n < static_cast<std::int64_t>(batch)) return out;
    }
}

}  // namespace oranet::dbms_output
