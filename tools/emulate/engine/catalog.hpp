// The emulator's catalog: declared Oracle types of tables, constraints and
// sequences, kept in SQLite tables beside the data.
#pragma once

#include "emulate/engine/types.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oranet::emulate {

struct table_column {
    std::string name;
    column_type type;
};

struct table_constraint {
    std::string name;
    char kind = 'U';  // P primary key, U unique, C check, R foreign key
    std::vector<std::string> columns;
    std::string references;  // R: the parent table
};

struct table_info {
    std::string name;
    std::vector<table_column> columns;
    std::vector<table_constraint> constraints;
    [[nodiscard]] const table_column* column(const std::string& n) const {
        for (const auto& c : columns)
            if (c.name == n) return &c;
        return nullptr;
    }
};

struct catalog_snapshot {
    std::map<std::string, table_info> tables;
    std::map<std::string, bool> sequences;
    [[nodiscard]] const table_info* table(const std::string& n) const {
        auto it = tables.find(n);
        return it == tables.end() ? nullptr : &it->second;
    }
};

}  // namespace oranet::emulate
