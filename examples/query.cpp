// Connects, runs a query with a bind and prints its rows.
// usage: query user/password@host:port/service
#include <oranet/oranet.hpp>

#include <cstdio>

int main(int argc, char** argv) try {
    oranet::login_string login;
    if (argc < 2 || oranet::parse_login_string(argv[1], login))
        return std::fputs("usage: query user/pw@host:port/svc\n", stderr), 2;
    oranet::connect_params params;
    params.user             = login.user;
    params.password         = login.password;
    params.connect_string   = login.connect_string;
    oranet::connection conn = oranet::connect(params);
    oranet::cursor cur      = conn.cursor();
    cur.execute("select level, 'row ' || level from dual connect by level <= :n",
                {{"n", oranet::number::from_int64(3)}});
    for (const oranet::row_view& row : cur)
        std::printf("%lld %s\n", static_cast<long long>(row.get<std::int64_t>(0)),
                    row.get<std::string>(1).c_str());
    return 0;
} catch (const oranet::error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
}
