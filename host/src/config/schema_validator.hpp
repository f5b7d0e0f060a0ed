// Checks a config section against a ConfigSchema and fills in defaults. Used
// for plugin `config:` sections and for the pipeline file itself, so both
// give the same kind of errors: where, which key, what was expected, and the
// nearest valid key for typos.
#pragma once

#include <string>

#include "config/diagnostic.hpp"
#include "parley/config.hpp"

namespace parley::host {

/// Validates the map `input` against `schema`; `key_prefix` names `input`
/// in diagnostics (e.g. "connectors[0].config"; "" for a whole file).
/// Reports every error, not just the first. Null input (section absent)
/// counts as an empty map.
///
/// `validated` receives `input` with defaults filled in for absent fields
/// (defaults have an empty location; written values keep theirs). An absent
/// object field is filled in too when none of its own fields is required, so
/// nested defaults appear. A key written with an empty value (`key:`) counts
/// as absent. Only use `validated` when no diagnostics were returned.
///
/// Rules by FieldType: integer values are accepted for number fields;
/// minimum/maximum bound numbers, and the entry count of lists and maps;
/// `choices` restrict strings; object fields refuse unknown keys; a field
/// marked secret never has its value quoted in a diagnostic.
///
/// Diagnostics for a section that was absent from the file carry that
/// (absent) value's location, i.e. "": callers fill in the file name.
Diagnostics validate_config(const ConfigValue& input, const ConfigSchema& schema, const std::string& key_prefix,
                            ConfigValue& validated);

/// How a field's expected value reads in a message: "an integer >= 1",
/// "a number between 0 and 1", "one of 'a', 'b'", ...
std::string describe_expected(const ConfigField& field);

/// How a value reads in a message: "a string 'abc'", "an integer 5", "a list".
/// With `hide_value`, only its kind: "a string".
std::string describe_found(const ConfigValue& value, bool hide_value);

}  // namespace parley::host
