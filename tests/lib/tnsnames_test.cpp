// tnsnames.ora: entries, several aliases per entry, comments, multi-line
// values, IFILE includes (relative paths, depth bound, cycles) and alias
// resolution. Facts pinned: python-oracledb's TnsnamesFileParser and
// TnsnamesFileReader (parsers.pyx, connect_params.pyx): aliases are
// upper-cased and case-insensitive, a later definition wins, IFILE paths are
// relative to the including file and may be double-quoted.
#include <oranet/connect_descriptor.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using oranet::client_errc;
using oranet::diagnostics;
using oranet::tnsnames_entry;

namespace {

// A fresh directory under the temp dir, removed at the end of the test.
class temp_dir {
public:
    temp_dir() {
        static std::atomic<int> n{0};
        path_ = fs::temp_directory_path() /
                ("oranet-tns-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&)            = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    std::string write(const std::string& name, const std::string& text) const {
        const auto p = path_ / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
    [[nodiscard]] std::string str() const { return path_.string(); }

private:
    fs::path path_;
};

std::vector<tnsnames_entry> parse(const std::string& text) {
    std::vector<tnsnames_entry> out;
    diagnostics diag;
    const auto ec = oranet::parse_tnsnames(text, "t.ora", out, diag);
    INFO(diag.client_message);
    REQUIRE_FALSE(ec);
    return out;
}

}  // namespace

TEST_CASE("tnsnames: entries and aliases and comments and multi-line values") {
    const auto entries = parse(
        "# a comment line\n"
        "\n"
        "sales, Sales.Example.Com =\n"
        "  (DESCRIPTION =   # trailing comment\n"
        "    (ADDRESS = (PROTOCOL = TCP)(HOST = db1)(PORT = 1521))\n"
        "\n"
        "# a comment inside the value\n"
        "    (CONNECT_DATA = (SERVICE_NAME = \"sales#1\"))\n"
        "  )   # after the value\n"
        "ez = db2:1600/hr   # an Easy Connect value\n"
        "  IFILE = \"more.ora\"\n"
        "one=(DESCRIPTION=(ADDRESS=(HOST=h)))\n");
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].aliases == std::vector<std::string>{"SALES", "SALES.EXAMPLE.COM"});
    CHECK(entries[0].line == 3);
    CHECK(entries[0].file == "t.ora");
    // Comments become spaces, so positions in the value map to the file.
    CHECK(entries[0].value ==
          "(DESCRIPTION =                     \n"
          "    (ADDRESS = (PROTOCOL = TCP)(HOST = db1)(PORT = 1521))\n"
          "\n"
          "                            \n"
          "    (CONNECT_DATA = (SERVICE_NAME = \"sales#1\"))\n"
          "  )");
    CHECK(entries[0].value_line == 4);
    CHECK(entries[0].value_column == 3);
    CHECK(entries[1].aliases == std::vector<std::string>{"EZ"});
    CHECK(entries[1].value == "db2:1600/hr");
    CHECK(entries[1].line == 10);
    CHECK(entries[2].aliases == std::vector<std::string>{"IFILE"});
    CHECK(entries[2].value == "\"more.ora\"");
    CHECK(entries[3].value == "(DESCRIPTION=(ADDRESS=(HOST=h)))");
    CHECK(entries[3].line == 12);

    // The values parse as descriptors.
    oranet::description_list dl;
    diagnostics diag;
    REQUIRE_FALSE(oranet::parse_connect_descriptor(entries[0].value, dl, diag));
    CHECK(dl.descriptions[0].data.service_name == "sales#1");

    CHECK(parse("").empty());
    CHECK(parse("# only a comment").empty());
    CHECK(parse("\r\nx = (A=1)\r\n").at(0).value == "(A=1)");
}

TEST_CASE("tnsnames: malformed files say file and line and column") {
    struct row {
        const char* text;
        const char* message;
    };
    const std::vector<row> rows = {
        {"alias\n", "t.ora:1:6: expected '=' after the alias \"alias\""},
        {"a = (DESCRIPTION=(ADDRESS=(HOST=h))\n\n",
         "t.ora:3:1: missing ')': the value of A opened at line 1, column 5 does not close before the end of "
         "the file"},
        {"a = (X=1))\n", "t.ora:1:10: unexpected text after the value of A"},
        {"a = (X=1)\n)\n", "t.ora:2:1: unexpected ')' where an alias was expected"},
        {"  (ADDRESS=(HOST=h))\n", "t.ora:1:3: unexpected '(' where an alias was expected"},
        {"a =\n", "t.ora:2:1: alias A has no value"},
        {"a = # nothing\nb = (X=1)", "t.ora:2:1: alias A has no value"},
        {"= (X=1)\n", "t.ora:1:1: empty alias name before '='"},
        {"a,,b = (X=1)\n", "t.ora:1:1: empty alias name before '='"},
        {"my alias = (X=1)\n", "t.ora:1:1: alias \"my alias\" contains a space"},
        {"a = (X=\"open)\n", "t.ora:1:8: unterminated quoted value"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        std::vector<tnsnames_entry> out;
        diagnostics diag;
        CHECK(oranet::parse_tnsnames(r.text, "t.ora", out, diag) == client_errc::tnsnames_invalid);
        CHECK(diag.client_message == r.message);
    }
}

TEST_CASE("tnsnames: IFILE includes relative and quoted and later definitions win") {
    temp_dir dir;
    dir.write("sub/inner.ora", "inner = (DESCRIPTION=(ADDRESS=(HOST=inner)))\nshared = h_inner/s\n");
    dir.write("extra.ora", "IFILE = sub/inner.ora\nextra = h_extra/s\n");
    const auto main_path = dir.write("tnsnames.ora",
                                     "shared = h_main/s\n"
                                     "IFILE = \"extra.ora\"\n"
                                     "last = h_last/s\n");
    oranet::tnsnames_file f;
    diagnostics diag;
    REQUIRE_FALSE(oranet::load_tnsnames(main_path, f, diag));
    REQUIRE(f.entries.size() == 5);
    CHECK(f.find("INNER")->value == "(DESCRIPTION=(ADDRESS=(HOST=inner)))");
    CHECK(f.find("inner")->file == (fs::path(dir.str()) / "sub" / "inner.ora").string());
    CHECK(f.find("Extra")->value == "h_extra/s");
    // "shared" is defined in the main file, then again by the include.
    CHECK(f.find("shared")->value == "h_inner/s");
    CHECK(f.find("last")->line == 3);
    CHECK(f.find("missing") == nullptr);

    // An absolute IFILE path works too.
    const auto abs_path =
        dir.write("abs.ora", "IFILE = " + (fs::path(dir.str()) / "extra.ora").string() + "\n");
    REQUIRE_FALSE(oranet::load_tnsnames(abs_path, f, diag));
    CHECK(f.find("inner") != nullptr);
}

TEST_CASE("tnsnames: IFILE cycles and depth and missing files are refused") {
    temp_dir dir;
    oranet::tnsnames_file f;
    diagnostics diag;

    const auto self = dir.write("self.ora", "a = h/s\nIFILE = self.ora\n");
    CHECK(oranet::load_tnsnames(self, f, diag) == client_errc::tnsnames_include_cycle);
    CHECK(diag.client_message == self + ":2: IFILE " + (fs::path(dir.str()) / "self.ora").string() +
                                     " is already being read (an include cycle)");

    dir.write("b.ora", "IFILE = c.ora\n");
    dir.write("c.ora", "IFILE = b.ora\n");
    const auto a = dir.write("a.ora", "IFILE = b.ora\n");
    CHECK(oranet::load_tnsnames(a, f, diag) == client_errc::tnsnames_include_cycle);
    CHECK(diag.client_message == (fs::path(dir.str()) / "c.ora").string() + ":1: IFILE " +
                                     (fs::path(dir.str()) / "b.ora").string() +
                                     " is already being read (an include cycle)");

    // A chain deeper than max_include_depth (no cycle).
    for (int i = 0; i <= oranet::max_include_depth + 1; ++i)
        dir.write("d" + std::to_string(i) + ".ora", "IFILE = d" + std::to_string(i + 1) + ".ora\n");
    CHECK(oranet::load_tnsnames(dir.str() + "/d0.ora", f, diag) == client_errc::tnsnames_include_too_deep);
    CHECK(diag.client_message.find("nests deeper than 8 files") != std::string::npos);

    // A missing include names the line that includes it.
    const auto m = dir.write("m.ora", "x = h/s\nIFILE = nothere.ora\n");
    CHECK(oranet::load_tnsnames(m, f, diag) == client_errc::tnsnames_unreadable);
    CHECK(diag.client_message == m + ":2: cannot read " + (fs::path(dir.str()) / "nothere.ora").string());

    // A syntax error inside an include names the included file.
    dir.write("broken.ora", "ok = h/s\nbad\n");
    const auto inc = dir.write("inc.ora", "IFILE = broken.ora\n");
    CHECK(oranet::load_tnsnames(inc, f, diag) == client_errc::tnsnames_invalid);
    CHECK(diag.client_message ==
          (fs::path(dir.str()) / "broken.ora").string() + ":2:4: expected '=' after the alias \"bad\"");

    CHECK(oranet::load_tnsnames(dir.str() + "/none.ora", f, diag) == client_errc::tnsnames_unreadable);
    CHECK(diag.client_message == "cannot read " + dir.str() + "/none.ora");
}

TEST_CASE("tnsnames: aliases resolve to the descriptor model") {
    temp_dir dir;
    dir.write("tnsnames.ora",
              "SALES =\n"
              "  (DESCRIPTION =\n"
              "    (ADDRESS_LIST = (LOAD_BALANCE = on)\n"
              "      (ADDRESS = (PROTOCOL = TCP)(HOST = s1)(PORT = 1521))\n"
              "      (ADDRESS = (PROTOCOL = TCP)(HOST = s2)(PORT = 1521)))\n"
              "    (CONNECT_DATA = (SERVICE_NAME = sales.example.com)))\n"
              "hr, hr.world = tcps://hrdb:2484/hr?retry_count=2\n"
              "broken = (DESCRIPTION =\n"
              "  (ADDRESS = (HOST = x)(PORT = nope)))\n");
    const oranet::resolve_options opts{dir.str()};
    oranet::description_list dl;
    diagnostics diag;

    REQUIRE_FALSE(oranet::resolve_connect_string("sales", opts, dl, diag));
    REQUIRE(dl.descriptions.size() == 1);
    CHECK(dl.descriptions[0].address_lists[0].load_balance);
    CHECK(dl.all_addresses().size() == 2);
    CHECK(dl.descriptions[0].data.service_name == "sales.example.com");

    REQUIRE_FALSE(oranet::resolve_connect_string("HR.World", opts, dl, diag));
    CHECK(dl.descriptions[0].uses_tcps());
    CHECK(dl.descriptions[0].retry_count == 2);

    // An alias whose value is malformed says where the alias is.
    CHECK(oranet::resolve_connect_string("broken", opts, dl, diag) == client_errc::connect_string_invalid);
    CHECK(diag.client_message ==
          dir.str() + "/tnsnames.ora:9:32: alias broken: invalid PORT \"nope\" (expected 0..65535)");

    // A bare name the file does not hold is an Easy Connect host.
    REQUIRE_FALSE(oranet::resolve_connect_string("localhost", opts, dl, diag));
    CHECK(dl.all_addresses().at(0).host == "localhost");
    CHECK(dl.all_addresses().at(0).port == 1521);

    // Something that is not a bare name never consults tnsnames.ora.
    REQUIRE_FALSE(oranet::resolve_connect_string("sales/x", opts, dl, diag));
    CHECK(dl.all_addresses().at(0).host == "sales");
}

TEST_CASE("tnsnames: the directory comes from the option or TNS_ADMIN or ORACLE_HOME") {
    CHECK(oranet::tnsnames_directory("/etc/x") == "/etc/x");
    const char* old_admin         = std::getenv("TNS_ADMIN");
    const char* old_home          = std::getenv("ORACLE_HOME");
    const std::string saved_admin = old_admin ? old_admin : "";
    const std::string saved_home  = old_home ? old_home : "";
    ::setenv("TNS_ADMIN", "/tns/admin", 1);
    CHECK(oranet::tnsnames_directory("") == "/tns/admin");
    ::unsetenv("TNS_ADMIN");
    ::setenv("ORACLE_HOME", "/oh", 1);
    CHECK(oranet::tnsnames_directory("") == "/oh/network/admin");
    ::unsetenv("ORACLE_HOME");
    CHECK(oranet::tnsnames_directory("").empty());
    if (old_admin) ::setenv("TNS_ADMIN", saved_admin.c_str(), 1);
    if (old_home) ::setenv("ORACLE_HOME", saved_home.c_str(), 1);
}
